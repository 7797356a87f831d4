package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The small, unscoped entities, read in full every run (no cursor):
 * <ul>
 *   <li>{@code jira_projects}, the configured projects: Cloud pages
 *       {@code GET /rest/api/3/project/search?keys=A&keys=B&startAt=&maxResults=50} (checkpoint
 *       {@code start_at}); Data Center reads {@code GET /rest/api/2/project} and keeps the
 *       configured keys. External id: the project key.</li>
 *   <li>{@code jira_statuses}: {@code GET /rest/api/{3|2}/status}, one page. External id: the status id.</li>
 * </ul>
 */
final class CatalogExtraction {

    static final String PROJECTS = "jira_projects";
    static final String STATUSES = "jira_statuses";
    static final String CHECKPOINT_START_AT = "start_at";
    private static final int PROJECT_PAGE = 50;

    private final JiraClient client;

    CatalogExtraction(JiraClient client) {
        this.client = client;
    }

    void run(ExtractRequest request, PageSink sink) {
        if (request.entityType().equals(STATUSES)) {
            single(client.api("status").build(), "id", sink);
        } else if (client.config().deployment() == JiraDeployment.DATA_CENTER) {
            single(client.api("project").build(), "key", sink);
        } else {
            cloudProjects(request, sink);
        }
    }

    private void single(HttpUrl url, String idField, PageSink sink) {
        JiraClient.Fetched fetched = client.get(url);
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode item : fetched.body()) {
            boolean wanted = !idField.equals("key") || client.config().projects().contains(item.path("key").asString());
            if (wanted) {
                records.add(new SourceRecord(item.path(idField).asString(), item, null));
            }
        }
        sink.accept(new Page(records, info(fetched, url, "0"), Map.of(), Map.of()));
    }

    private void cloudProjects(ExtractRequest request, PageSink sink) {
        int startAt = Integer.parseInt(request.resumeFrom().getOrDefault(CHECKPOINT_START_AT, "0"));
        while (true) {
            HttpUrl.Builder builder = client.api("project", "search");
            client.config().projects().forEach(key -> builder.addQueryParameter("keys", key));
            HttpUrl url = builder.addQueryParameter("startAt", Integer.toString(startAt))
                    .addQueryParameter("maxResults", Integer.toString(PROJECT_PAGE)).build();
            JiraClient.Fetched fetched = client.get(url);
            JsonNode values = fetched.body().path("values");
            List<SourceRecord> records = new ArrayList<>();
            values.forEach(project -> records.add(new SourceRecord(project.path("key").asString(), project, null)));
            int next = startAt + values.size();
            boolean last = fetched.body().path("isLast").asBoolean(true) || values.isEmpty();
            Map<String, String> checkpoint = last ? Map.of() : Map.of(CHECKPOINT_START_AT, Integer.toString(next));
            sink.accept(new Page(records, info(fetched, url, Integer.toString(startAt)), checkpoint, Map.of()));
            if (last || sink.stopRequested()) {
                return;
            }
            startAt = next;
        }
    }

    private static PageRequestInfo info(JiraClient.Fetched fetched, HttpUrl url, String position) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, String.join(",", url.queryParameterValues(name)));
        }
        return new PageRequestInfo(JiraResponse.endpoint(url), params, position, fetched.response().headers().get("ETag"),
                fetched.response().rateLimit(), fetched.response().fetchedAt());
    }
}
