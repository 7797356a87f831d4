package io.etlfleet.sample.jira;

import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Single issues, changelog pages, projects and statuses, rendered for one deployment. */
final class JiraResources {

    private final JiraSample sample;
    private final JiraJson json;

    JiraResources(JiraSample sample, JiraJson json) {
        this.sample = sample;
        this.json = json;
    }

    /** {@code GET /issue/{key}}: all fields by default, and the complete changelog when expanded. */
    ApiResponse issue(String key, ApiRequest request) {
        return sample.findIssue(key)
                .map(issue -> {
                    Set<String> fields = JiraSearch.fields(request.param("fields").orElse(null), Set.copyOf(JiraJson.ALL_FIELDS));
                    boolean changelog = request.param("expand").map(e -> List.of(e.split(",")).contains("changelog")).orElse(false);
                    return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(
                            json.issue(issue, fields, changelog, Integer.MAX_VALUE)));
                })
                .orElseGet(() -> JiraApi.error(404, "Issue does not exist or you do not have permission to see it."));
    }

    /** Cloud's {@code GET /issue/{key}/changelog}: every history, oldest first, paged by startAt. */
    ApiResponse changelog(String key, ApiRequest request, String self) {
        return sample.findIssue(key).map(issue -> {
            List<JiraHistory> histories = issue.histories();
            int startAt = Math.max(0, intParam(request, "startAt", 0));
            int size = Math.max(1, Math.min(intParam(request, "maxResults", 100), 100));
            ArrayNode values = JiraJson.MAPPER.createArrayNode();
            histories.stream().skip(startAt).limit(size).forEach(h -> values.add(json.history(h)));
            return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(
                    page(self, startAt, size, histories.size(), values)));
        }).orElseGet(() -> JiraApi.error(404, "Issue does not exist or you do not have permission to see it."));
    }

    /** Cloud's {@code GET /project/search}: paged, optionally filtered by {@code keys=A&keys=B} (or {@code keys=A,B}). */
    ApiResponse projectSearch(ApiRequest request, String self) {
        Set<String> keys = request.query().stream().filter(p -> p.name().equals("keys"))
                .flatMap(p -> Arrays.stream(p.value().split(","))).collect(Collectors.toSet());
        List<JiraProject> projects = sample.projects().stream()
                .filter(p -> keys.isEmpty() || keys.contains(p.key())).toList();
        int startAt = Math.max(0, intParam(request, "startAt", 0));
        int size = Math.max(1, Math.min(intParam(request, "maxResults", 50), 100));
        ArrayNode values = JiraJson.MAPPER.createArrayNode();
        projects.stream().skip(startAt).limit(size).forEach(p -> values.add(json.project(p)));
        return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(page(self, startAt, size, projects.size(), values)));
    }

    /** Data Center's {@code GET /project}: every visible project, unpaged. */
    ApiResponse allProjects() {
        ArrayNode values = JiraJson.MAPPER.createArrayNode();
        sample.projects().forEach(p -> values.add(json.project(p)));
        return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(values));
    }

    ApiResponse project(String key) {
        return sample.project(key)
                .map(p -> ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(json.project(p))))
                .orElseGet(() -> JiraApi.error(404, "No project could be found with key '" + key + "'."));
    }

    ApiResponse statuses() {
        ArrayNode values = JiraJson.MAPPER.createArrayNode();
        sample.statuses().forEach(s -> values.add(json.status(s)));
        return ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(values));
    }

    private static ObjectNode page(String self, int startAt, int size, int total, ArrayNode values) {
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.put("self", self + "?startAt=" + startAt + "&maxResults=" + size);
        boolean last = startAt + size >= total;
        if (!last) {
            body.put("nextPage", self + "?startAt=" + (startAt + size) + "&maxResults=" + size);
        }
        body.put("maxResults", size);
        body.put("startAt", startAt);
        body.put("total", total);
        body.put("isLast", last);
        body.set("values", values);
        return body;
    }

    static int intParam(ApiRequest request, String name, int defaultValue) {
        String value = request.param(name).orElse(null);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new JiraApi.BadRequest("The value '" + value + "' is not valid for the parameter '" + name + "'.");
        }
    }
}
