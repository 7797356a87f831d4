package io.etlfleet.api.errors;

import io.etlfleet.api.ApiEndpoints;
import io.etlfleet.api.errors.BadInputCorpusIT.Attempt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The corpus's control-character cases, derived from the app's own handler mappings: every
 * path variable and query parameter of every endpoint, and for every endpoint with a JSON
 * body the cases in {@link #BODIES} (string values, nested config, credentials, field
 * names). NUL, U+0001, DEL, the C1 control U+009B and a lone surrogate in each, expecting 400
 * naming the field. A body endpoint without cases is reported, so a new one must add some.
 */
final class ControlCharacterCases {

    /** How each character is spelled in JSON and in a URL; a surrogate has no UTF-8, so its CESU bytes. */
    record Refused(String json, String url) {
    }

    static final List<Refused> REFUSED = List.of(new Refused("\\u0000", "%00"), new Refused("\\u0001", "%01"),
            new Refused("\\u007f", "%7F"), new Refused("\\u009b", "%C2%9B"), new Refused("\\ud800", "%ED%A0%80"));

    /** A body with {@code %s} where a bad string goes (a value or a field name), and the field it blames. */
    record BodyCase(String template, String field) {
    }

    /** {@code KEY} in a field stands for the escaped bad field name. */
    static final Map<String, List<BodyCase>> BODIES = Map.ofEntries(
            Map.entry("POST /api/v1/tenants", List.of(new BodyCase("{\"name\":%s}", "name"),
                    new BodyCase("{%s:\"x\"}", "KEY"))),
            Map.entry("POST /api/v1/integrations", List.of(
                    new BodyCase(github("%s", "\"https://api.github.com\"", "\"a/b\"", "\"token\":\"t\""), "name"),
                    new BodyCase("{\"type\":%s,\"name\":\"n\",\"config\":{},\"credentials\":{}}", "type"),
                    new BodyCase(github("\"n\"", "%s", "\"a/b\"", "\"token\":\"t\""), "config.base_url"),
                    new BodyCase(github("\"n\"", "\"https://api.github.com\"", "%s", "\"token\":\"t\""),
                            "config.repositories[0]"),
                    new BodyCase(github("\"n\"", "\"https://api.github.com\"", "\"a/b\"", "\"token\":%s"),
                            "credentials.token"),
                    new BodyCase(github("\"n\"", "\"https://api.github.com\"", "\"a/b\"", "%s:\"t\""), "credentials.KEY"),
                    new BodyCase("""
                            {"type":"jdbc","name":"n","config":{"url":"jdbc:postgresql://db.example.com/x",
                             "tables":[{"name":%s,"cursor":["c"],"key":["k"]}]},"credentials":{"user":"u","password":"p"}}""",
                            "config.tables[0].name"))),
            Map.entry("PATCH /api/v1/integrations/{}", List.of(new BodyCase("{\"name\":%s}", "name"),
                    new BodyCase("{\"config\":{\"base_url\":%s,\"repositories\":[\"a/b\"]}}", "config.base_url"),
                    new BodyCase("{\"credentials\":{\"token\":%s}}", "credentials.token"),
                    new BodyCase("{\"config\":{%s:1}}", "config.KEY"))),
            Map.entry("POST /api/v1/extractions", List.of(new BodyCase("{\"integration_id\":%s}", "integration_id"),
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"mode\":%s}", "mode"),
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"entities\":[%s]}", "entities[0]"))),
            Map.entry("POST /api/v1/schedules", List.of(
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"cron\":%s}", "cron"),
                    new BodyCase("{\"integration_id\":%s,\"cron\":\"@daily\"}", "integration_id"),
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"cron\":\"@daily\",\"entities\":[%s]}",
                            "entities[0]"))),
            Map.entry("PATCH /api/v1/schedules/{}", List.of(new BodyCase("{\"cron\":%s}", "cron"),
                    new BodyCase("{\"mode\":%s}", "mode"))),
            Map.entry("POST /api/v1/dead-letters/replay", deadLetterCases()),
            Map.entry("POST /api/v1/dead-letters/discard", deadLetterCases()),
            Map.entry("POST /api/v1/retransforms", List.of(new BodyCase("{\"integration_id\":%s}", "integration_id"),
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"entity_type\":%s}", "entity_type"),
                    new BodyCase("{\"integration_id\":\"" + UUID.randomUUID() + "\",\"from\":%s}", "from"))),
            Map.entry("PUT /api/v1/workers/{}/concurrency", List.of(new BodyCase("{\"concurrency\":{%s:2}}",
                    "concurrency.KEY"))),
            Map.entry("PUT /api/v1/worker-types/{}/{}/concurrency", List.of(new BodyCase("{\"concurrency\":2,%s:1}",
                    "KEY"))));

    private ControlCharacterCases() {
    }

    /** Body endpoints the app maps that have no case in {@link #BODIES}. */
    static List<String> uncoveredBodies(RequestMappingHandlerMapping mapping) {
        List<String> uncovered = new ArrayList<>();
        endpoints(mapping).forEach((endpoint, handler) -> {
            if (parameters(handler).stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))
                    && !BODIES.containsKey(ApiEndpoints.normalised(endpoint))) {
                uncovered.add(endpoint);
            }
        });
        return uncovered;
    }

    static List<Attempt> attempts(RequestMappingHandlerMapping mapping) {
        List<Attempt> attempts = new ArrayList<>();
        endpoints(mapping).forEach((endpoint, handler) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String template = ApiEndpoints.path(endpoint);
            String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
            List<String> variables = new ArrayList<>();
            for (MethodParameter parameter : parameters(handler)) {
                PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (variable != null) {
                    variables.add(name(variable.name(), variable.value(), parameter));
                } else if (param != null) {
                    String name = name(param.name(), param.value(), parameter);
                    REFUSED.forEach(bad -> attempts.add(new Attempt(method,
                            filled(template, null, null) + "?" + name + "=a" + bad.url() + "b", body, 400, name)));
                }
            }
            for (String variable : variables) {
                REFUSED.forEach(bad -> attempts.add(new Attempt(method, filled(template, variable, "a" + bad.url() + "b"),
                        body, 400, snakeCase(variable))));
            }
            for (BodyCase bodyCase : BODIES.getOrDefault(ApiEndpoints.normalised(endpoint), List.of())) {
                REFUSED.forEach(bad -> attempts.add(new Attempt(method, filled(template, null, null),
                        bodyCase.template().formatted("\"a" + bad.json() + "b\""), 400, field(bodyCase, bad))));
            }
        });
        return attempts;
    }

    /**
     * The field a case blames. Jackson cannot read a field name with a lone surrogate at all, so
     * that one blames the object holding it (none at the top level).
     */
    private static String field(BodyCase bodyCase, Refused bad) {
        if (!bodyCase.field().contains("KEY")) {
            return bodyCase.field();
        }
        if (bad.json().startsWith("\\ud")) {
            return bodyCase.field().equals("KEY") ? null : bodyCase.field().replace(".KEY", "");
        }
        return bodyCase.field().replace("KEY", "a" + bad.json() + "b");
    }

    private static List<BodyCase> deadLetterCases() {
        return List.of(new BodyCase("{\"queue\":%s,\"message_ids\":[\"m\"]}", "queue"),
                new BodyCase("{\"queue\":\"etl.extract.github.dlq\",\"message_ids\":[%s]}", "message_ids[0]"),
                new BodyCase("{\"queue\":\"etl.extract.github.dlq\",\"error_class\":%s}", "error_class"));
    }

    private static String github(String name, String baseUrl, String repository, String credential) {
        return "{\"type\":\"github\",\"name\":" + name + ",\"config\":{\"base_url\":" + baseUrl + ",\"repositories\":["
                + repository + "]},\"credentials\":{" + credential + "}}";
    }

    private static Map<String, HandlerMethod> endpoints(RequestMappingHandlerMapping mapping) {
        Map<String, HandlerMethod> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/v1/") && !pattern.startsWith("/api/v1/test-")) {
                    entry.getKey().getMethodsCondition().getMethods()
                            .forEach(method -> endpoints.put(method.name() + " " + pattern, entry.getValue()));
                }
            }
        }
        return endpoints;
    }

    private static List<MethodParameter> parameters(HandlerMethod handler) {
        List<MethodParameter> parameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            parameters.add(parameter);
        }
        return parameters;
    }

    /** The path with every variable a valid id, except {@code bad}, which gets {@code value}. */
    private static String filled(String template, String bad, String value) {
        String path = bad == null ? template : template.replace("{" + bad + "}", value);
        return path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000001");
    }

    private static String name(String name, String value, MethodParameter parameter) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : parameter.getParameterName();
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
