package io.etlfleet.sample.jira;

import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue search. Cloud's enhanced search ({@code GET /rest/api/3/search/jql}) pages with an
 * opaque {@code nextPageToken} and {@code isLast}, returns only issue ids unless {@code fields}
 * asks for more, and refuses unbounded JQL. Data Center's {@code GET /rest/api/2/search} pages
 * with {@code startAt} and reports {@code total}. Both embed a changelog truncated at
 * {@link JiraSample#embeddedChangelogLimit()} histories when {@code expand} names {@code changelog},
 * and both apply the sample's {@link JiraChurn} after each page they serve.
 */
final class JiraSearch {

    static final int CLOUD_DEFAULT_PAGE = 50;
    static final int CLOUD_MAX_PAGE = 100;
    static final int DC_DEFAULT_PAGE = 50;
    static final int DC_MAX_PAGE = 1000;

    private final JiraSample sample;
    private final JiraJson json;

    JiraSearch(JiraSample sample, JiraJson json) {
        this.sample = sample;
        this.json = json;
    }

    ApiResponse enhanced(ApiRequest request) {
        String jqlText = request.param("jql").orElse("");
        Jql jql = parse(jqlText);
        if (jql.projectKey() == null) {
            return JiraApi.error(400, "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
        int offset = request.param("nextPageToken").map(token -> offset(token, jqlText)).orElse(0);
        int size = Math.min(JiraResources.intParam(request, "maxResults", CLOUD_DEFAULT_PAGE), CLOUD_MAX_PAGE);
        List<JiraIssue> result = sample.churn().result(jqlText, matching(jql), offset);
        List<JiraIssue> page = page(result, offset, size);
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.set("issues", render(page, request, Set.of()));
        boolean last = offset + size >= result.size();
        if (!last) {
            body.put("nextPageToken", token(offset + size, jqlText));
        }
        body.put("isLast", last);
        return served(jql, page, body);
    }

    ApiResponse offsetPaged(ApiRequest request) {
        String jqlText = request.param("jql").orElse("");
        Jql jql = parse(jqlText);
        int startAt = Math.max(0, JiraResources.intParam(request, "startAt", 0));
        int size = Math.min(JiraResources.intParam(request, "maxResults", DC_DEFAULT_PAGE), DC_MAX_PAGE);
        List<JiraIssue> result = sample.churn().result(jqlText, matching(jql), startAt);
        List<JiraIssue> page = page(result, startAt, size);
        ObjectNode body = JiraJson.MAPPER.createObjectNode();
        body.put("expand", "schema,names");
        body.put("startAt", startAt);
        body.put("maxResults", size);
        body.put("total", result.size());
        body.set("issues", render(page, request, Set.copyOf(JiraJson.ALL_FIELDS)));
        return served(jql, page, body);
    }

    /** Renders the response first: the churn due after this page must not change the page itself. */
    private ApiResponse served(Jql jql, List<JiraIssue> page, ObjectNode body) {
        ApiResponse response = ApiResponse.json(200, JiraJson.MAPPER.writeValueAsBytes(body));
        sample.churn().served(jql.projectKey(), page);
        return response;
    }

    private static List<JiraIssue> page(List<JiraIssue> result, int offset, int size) {
        return offset >= result.size() ? List.of() : result.subList(offset, Math.min(result.size(), offset + size));
    }

    private Jql parse(String text) {
        Jql jql;
        try {
            jql = Jql.parse(text);
        } catch (Jql.JqlException e) {
            throw new JiraApi.BadRequest(e.getMessage());
        }
        if (jql.projectKey() != null && sample.project(jql.projectKey()).isEmpty()) {
            throw new JiraApi.BadRequest("The value '" + jql.projectKey() + "' does not exist for the field 'project'.");
        }
        return jql;
    }

    private List<JiraIssue> matching(Jql jql) {
        List<JiraIssue> all = new ArrayList<>();
        sample.projects().forEach(p -> all.addAll(sample.issues(p.key())));
        return all.stream().filter(jql.filter()).sorted(jql.order()).toList();
    }

    private ArrayNode render(List<JiraIssue> page, ApiRequest request, Set<String> defaults) {
        Set<String> fields = fields(request.param("fields").orElse(null), defaults);
        boolean changelog = request.param("expand").map(e -> List.of(e.split(",")).contains("changelog")).orElse(false);
        int limit = sample.embeddedChangelogLimit();
        ArrayNode issues = JiraJson.MAPPER.createArrayNode();
        for (JiraIssue issue : page) {
            issues.add(fields.isEmpty() && !changelog ? idOnly(issue) : json.issue(issue, fields, changelog, limit));
        }
        return issues;
    }

    static Set<String> fields(String param, Set<String> defaults) {
        if (param == null || param.isBlank()) {
            return defaults;
        }
        Set<String> fields = new LinkedHashSet<>();
        for (String name : param.split(",")) {
            String field = name.trim();
            if (field.equals("*all") || field.equals("*navigable")) {
                fields.addAll(JiraJson.ALL_FIELDS);
            } else if (JiraJson.ALL_FIELDS.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static ObjectNode idOnly(JiraIssue issue) {
        ObjectNode node = JiraJson.MAPPER.createObjectNode();
        node.put("id", Long.toString(issue.id()));
        return node;
    }

    /** Opaque to clients; tied to the query it continues. */
    static String token(int offset, String jql) {
        String plain = offset + ":" + Integer.toHexString(jql.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token, String jql) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && parts[1].equals(Integer.toHexString(jql.hashCode()))) {
                return Integer.parseInt(parts[0]);
            }
        } catch (IllegalArgumentException malformed) {
            // answered below like any other invalid token
        }
        throw new JiraApi.BadRequest("The provided next page token is invalid or does not match the query.");
    }
}
