package io.etlfleet.api.config;

import io.etlfleet.api.security.ApiKeyFilter;
import io.etlfleet.api.security.Authenticator;
import io.etlfleet.api.security.CallerArgumentResolver;
import io.etlfleet.api.security.RequestSizeFilter;
import io.etlfleet.storage.tenants.ApiKeyStore;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards {@code /api/*}: the body size limit first, then bearer authentication on
 * {@code /api/v1/*}. Both filters report through Spring MVC's exception resolvers so their
 * refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    static final String API_PATTERN = "/api/v1/*";

    @Bean
    Authenticator authenticator(ApiKeyStore keys, BackendApiProperties properties) {
        return new Authenticator(keys, properties.adminToken());
    }

    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(BackendApiProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        FilterRegistrationBean<RequestSizeFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeFilter(properties.maxRequestSize().toBytes(),
                        properties.maxUploadSize().toBytes(), errors));
        registration.setUrlPatterns(List.of("/api/*"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(Authenticator authenticator,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver errors) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(authenticator, errors));
        registration.setUrlPatterns(List.of(API_PATTERN));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }
}
