package io.etlfleet.api.input;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refused characters ({@link RefusedCharacters}) answer 400 naming the field wherever they
 * arrive: JSON bodies ({@link RequestBodyTextAdvice}, a controller advice), query parameters
 * and path variables ({@link RequestTextInterceptor}), and paths Tomcat refuses before the
 * application sees them ({@link ApiPathErrorValve}).
 */
@Configuration(proxyBeanMethods = false)
public class InputConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestTextInterceptor()).addPathPatterns("/api/v1/**");
    }

    @Bean
    ApiPathErrorCustomizer apiPathErrors(
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        return new ApiPathErrorCustomizer(new PathVariableNames(() -> patterns(mappings.getObject())));
    }

    private static List<String> patterns(RequestMappingHandlerMapping mapping) {
        return mapping.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream())
                .filter(pattern -> pattern.startsWith("/api/"))
                .distinct()
                .toList();
    }
}
