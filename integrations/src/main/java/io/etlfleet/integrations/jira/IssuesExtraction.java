package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jira_issues} for one project, with their complete changelogs (status transitions).
 *
 * <p>JQL: {@code project = "KEY" ORDER BY updated ASC}, and in incremental runs with a cursor
 * {@code project = "KEY" AND updated >= <epoch ms> ORDER BY updated ASC}, the cursor minus
 * {@code overlap_seconds}. Epoch milliseconds are an instant: a zone-less date string would be
 * read in the Jira user's time zone and could skip changes at the boundary.
 *
 * <p>Cloud pages with {@code GET /rest/api/3/search/jql} and {@code nextPageToken}; Data Center
 * with {@code GET /rest/api/2/search} and {@code startAt}. Each page's checkpoint holds the
 * JQL, the position of the next page and the highest {@code updated} seen, so an interrupted
 * run resumes where it stopped; the cursor {@code {updated_ms}} (highest {@code updated} seen,
 * including the incoming cursor) rides on every page and becomes the sync cursor with the last.
 */
final class IssuesExtraction {

    static final String ENTITY = "jira_issues";
    static final String CURSOR_UPDATED_MS = "updated_ms";
    static final String CHECKPOINT_JQL = "jql";
    static final String CHECKPOINT_NEXT_PAGE_TOKEN = "next_page_token";
    static final String CHECKPOINT_START_AT = "start_at";
    static final String CHECKPOINT_MAX_UPDATED_MS = "max_updated_ms";

    private final JiraClient client;
    private final ChangelogCompletion changelogs;
    private final boolean cloud;

    IssuesExtraction(JiraClient client) {
        this.client = client;
        this.changelogs = new ChangelogCompletion(client);
        this.cloud = client.config().deployment() == JiraDeployment.CLOUD;
    }

    void run(ExtractRequest request, PageSink sink) {
        String project = client.config().project(request.scope());
        Long cursor = millis(request.cursor().get(CURSOR_UPDATED_MS), "stored cursor");
        Long max = cursor;
        String jql;
        String position;
        if (request.resuming()) {
            jql = request.resumeFrom().get(CHECKPOINT_JQL);
            position = request.resumeFrom().get(cloud ? CHECKPOINT_NEXT_PAGE_TOKEN : CHECKPOINT_START_AT);
            if (jql == null || position == null) {
                throw new ConnectorException("the Jira checkpoint to resume from lacks its JQL or page position");
            }
            max = later(max, millis(request.resumeFrom().get(CHECKPOINT_MAX_UPDATED_MS), "checkpoint"));
        } else {
            Long from = request.mode() == SyncMode.INCREMENTAL && cursor != null
                    ? cursor - client.config().overlap().toMillis() : null;
            jql = jql(project, from);
            position = cloud ? null : "0";
        }
        while (true) {
            HttpUrl url = searchUrl(jql, position);
            JiraClient.Fetched fetched = client.get(url);
            JsonNode issues = fetched.body().path("issues");
            List<SourceRecord> records = new ArrayList<>(issues.size());
            for (JsonNode item : issues) {
                ObjectNode issue = (ObjectNode) item;
                changelogs.complete(issue);
                Instant updated = JiraTime.parse(issue.path("fields").path("updated").asString(null));
                if (updated != null) {
                    max = later(max, updated.toEpochMilli());
                }
                records.add(new SourceRecord(issue.path("key").asString(), issue, updated));
            }
            String next = nextPosition(fetched.body(), position, issues.size());
            Map<String, String> checkpoint = next == null ? Map.of() : checkpoint(jql, next, max);
            Map<String, String> runningCursor = max == null ? Map.of() : Map.of(CURSOR_UPDATED_MS, Long.toString(max));
            sink.accept(new Page(records, info(fetched, url, position), checkpoint, runningCursor));
            if (next == null || sink.stopRequested()) {
                return;
            }
            position = next;
        }
    }

    static String jql(String project, Long updatedFromMillis) {
        return "project = \"" + project + "\""
                + (updatedFromMillis == null ? "" : " AND updated >= " + updatedFromMillis)
                + " ORDER BY updated ASC";
    }

    private HttpUrl searchUrl(String jql, String position) {
        HttpUrl.Builder url = (cloud ? client.api("search", "jql") : client.api("search")).addQueryParameter("jql", jql);
        if (cloud && position != null) {
            url.addQueryParameter("nextPageToken", position);
        } else if (!cloud) {
            url.addQueryParameter("startAt", position);
        }
        return url.addQueryParameter("maxResults", Integer.toString(client.config().pageSize()))
                .addQueryParameter("fields", "*all")
                .addQueryParameter("expand", "changelog")
                .build();
    }

    /** The next page's token (Cloud) or startAt (Data Center); null after the last page. */
    private String nextPosition(JsonNode body, String position, int received) {
        if (cloud) {
            JsonNode token = body.path("nextPageToken");
            return body.path("isLast").asBoolean(false) || !token.isString() || token.asString().isEmpty()
                    ? null : token.asString();
        }
        long next = Long.parseLong(position) + received;
        return received == 0 || next >= body.path("total").asLong(0) ? null : Long.toString(next);
    }

    private Map<String, String> checkpoint(String jql, String next, Long max) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        checkpoint.put(CHECKPOINT_JQL, jql);
        checkpoint.put(cloud ? CHECKPOINT_NEXT_PAGE_TOKEN : CHECKPOINT_START_AT, next);
        if (max != null) {
            checkpoint.put(CHECKPOINT_MAX_UPDATED_MS, Long.toString(max));
        }
        return checkpoint;
    }

    private static PageRequestInfo info(JiraClient.Fetched fetched, HttpUrl url, String position) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        return new PageRequestInfo(JiraResponse.endpoint(url), params, position == null ? "first" : position,
                fetched.response().headers().get("ETag"), fetched.response().rateLimit(), fetched.response().fetchedAt());
    }

    private static Long millis(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new ConnectorException("Jira " + what + " is not a number of epoch milliseconds: " + text);
        }
    }

    private static Long later(Long a, Long b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
