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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jira_issues} for one project, with their complete changelogs (status transitions).
 *
 * <p>JQL: {@code project = "KEY" AND updated <= <run start ms> ORDER BY updated ASC}, and in
 * incremental runs with a cursor also {@code updated >= <epoch ms>}, the cursor minus
 * {@code overlap_seconds}. Epoch milliseconds are an instant: a zone-less date string would be
 * read in the Jira user's time zone and could skip changes at the boundary. The upper bound
 * (the run's start) means an issue changed during the run leaves the result instead of moving
 * to its end; the next run reads it. Data Center pages by position, so when {@code total}
 * shrinks between pages (issues left the result before the current position) the next page
 * starts that many positions earlier: nothing shifts past unread, re-read issues are
 * duplicates the raw store drops.
 *
 * <p>Cloud pages with {@code GET /rest/api/3/search/jql} and {@code nextPageToken}; Data Center
 * with {@code GET /rest/api/2/search} and {@code startAt}. Each page's checkpoint holds the
 * JQL, the position of the next page and the highest {@code updated} seen, so an interrupted
 * run resumes where it stopped; the cursor {@code {updated_ms}} (highest {@code updated} seen,
 * including the incoming cursor) rides on every page and becomes the sync cursor with the last.
 */
final class IssuesExtraction {

    private static final Logger log = LoggerFactory.getLogger(IssuesExtraction.class);

    static final String ENTITY = "jira_issues";
    static final String CURSOR_UPDATED_MS = "updated_ms";
    static final String CHECKPOINT_JQL = "jql";
    static final String CHECKPOINT_NEXT_PAGE_TOKEN = "next_page_token";
    static final String CHECKPOINT_START_AT = "start_at";
    static final String CHECKPOINT_MAX_UPDATED_MS = "max_updated_ms";
    static final String CHECKPOINT_TOTAL = "total";

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
        Long total = null;
        if (request.resuming()) {
            jql = request.resumeFrom().get(CHECKPOINT_JQL);
            position = request.resumeFrom().get(cloud ? CHECKPOINT_NEXT_PAGE_TOKEN : CHECKPOINT_START_AT);
            if (jql == null || position == null) {
                throw new ConnectorException("the Jira checkpoint to resume from lacks its JQL or page position");
            }
            max = later(max, millis(request.resumeFrom().get(CHECKPOINT_MAX_UPDATED_MS), "checkpoint"));
            String resumedTotal = request.resumeFrom().get(CHECKPOINT_TOTAL);
            total = resumedTotal == null || !resumedTotal.matches("\\d{1,18}") ? null : Long.valueOf(resumedTotal);
        } else {
            Long from = request.mode() == SyncMode.INCREMENTAL && cursor != null
                    ? cursor - client.config().overlap().toMillis() : null;
            jql = jql(project, from, request.startedAt().toEpochMilli());
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
            Long previousTotal = total;
            total = cloud ? null : fetched.body().path("total").asLong(0);
            String next = nextPosition(fetched.body(), position, issues.size(), previousTotal);
            Map<String, String> checkpoint = next == null ? Map.of() : checkpoint(jql, next, max, total);
            Map<String, String> runningCursor = max == null ? Map.of() : Map.of(CURSOR_UPDATED_MS, Long.toString(max));
            sink.accept(new Page(records, info(fetched, url, position), checkpoint, runningCursor));
            if (next == null || sink.stopRequested()) {
                return;
            }
            position = next;
        }
    }

    static String jql(String project, Long updatedFromMillis, long updatedToMillis) {
        return "project = \"" + project + "\""
                + (updatedFromMillis == null ? "" : " AND updated >= " + updatedFromMillis)
                + " AND updated <= " + updatedToMillis
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

    /**
     * The next page's token (Cloud) or startAt (Data Center); null after the last page. A Data
     * Center result that shrank by {@code n} since the previous page may have moved up to
     * {@code n} unread issues before this page's position, so the next page starts {@code n}
     * earlier (each step back needs the total to shrink again, so paging still ends).
     */
    private String nextPosition(JsonNode body, String position, int received, Long previousTotal) {
        if (cloud) {
            JsonNode token = body.path("nextPageToken");
            return body.path("isLast").asBoolean(false) || !token.isString() || token.asString().isEmpty()
                    ? null : token.asString();
        }
        long start = Long.parseLong(position);
        long total = body.path("total").asLong(0);
        long shrunk = previousTotal == null ? 0 : Math.min(start, Math.max(0, previousTotal - total));
        if (shrunk > 0) {
            log.info("Jira search result shrank by {} issue(s) since the previous page; reading again from startAt {}",
                    previousTotal - total, start - shrunk);
            return Long.toString(start - shrunk);
        }
        long next = start + received;
        return received == 0 || next >= total ? null : Long.toString(next);
    }

    private Map<String, String> checkpoint(String jql, String next, Long max, Long total) {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        checkpoint.put(CHECKPOINT_JQL, jql);
        checkpoint.put(cloud ? CHECKPOINT_NEXT_PAGE_TOKEN : CHECKPOINT_START_AT, next);
        if (max != null) {
            checkpoint.put(CHECKPOINT_MAX_UPDATED_MS, Long.toString(max));
        }
        if (total != null) {
            checkpoint.put(CHECKPOINT_TOTAL, Long.toString(total));
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
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }
}
