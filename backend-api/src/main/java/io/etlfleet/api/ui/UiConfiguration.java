package io.etlfleet.api.ui;

import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The monitoring UI: static files under {@code classpath:/static/}, served at {@code /} by
 * Spring MVC's resource handling without an API key (the page asks the user for one and sends
 * it to {@code /api/v1} as a bearer token). This adds the headers {@link UiHeadersFilter} sets.
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration {

    @Bean
    FilterRegistrationBean<UiHeadersFilter> uiHeadersFilter() {
        FilterRegistrationBean<UiHeadersFilter> registration = new FilterRegistrationBean<>(new UiHeadersFilter());
        registration.setUrlPatterns(List.of("/*"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 300);
        return registration;
    }
}
