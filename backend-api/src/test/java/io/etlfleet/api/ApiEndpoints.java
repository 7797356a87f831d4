package io.etlfleet.api;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/v1} endpoint the running app maps, as {@code "METHOD /path/{var}"}, read
 * from Spring MVC's handler mappings: tests that must cover every endpoint derive their list
 * here, so a new endpoint without a case fails them.
 */
public final class ApiEndpoints {

    private ApiEndpoints() {
    }

    public static List<String> of(RequestMappingHandlerMapping mapping) {
        TreeSet<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/test-")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return List.copyOf(endpoints);
    }

    /** {@code "GET /a/{id}/b/{key}"} as {@code "GET /a/{}/b/{}"}: variable names do not matter. */
    public static String normalised(String endpoint) {
        return endpoint.replaceAll("\\{[^}]+}", "{}");
    }

    public static String method(String endpoint) {
        return endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
    }

    public static String path(String endpoint) {
        return endpoint.substring(endpoint.indexOf(' ') + 1);
    }
}
