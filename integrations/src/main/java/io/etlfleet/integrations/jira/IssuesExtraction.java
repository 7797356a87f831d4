package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code jira_issues} for one project, with their complete changelogs (status transitions).
 *
 * <p>Paging is by keyset ({@link IssueKeyset}): every request is a fresh JQL
 * {@code project = "KEY" [AND updated >= <from ms>] AND updated <= <run start ms> ORDER BY updated ASC, key ASC}
 * read from its first issue, where {@code <from ms>} is the highest {@code updated} of the page
 * before (the first page: none in a full run, the cursor minus {@code overlap_seconds} in an
 * incremental one). So an issue edited, moved to another project or deleted mid-run can no
 * longer shift an unchanged one past a page boundary: every issue that stays in the bounded
 * result is read. Each page starts with the last issues of the page before (same
 * {@code updated}); those and any issue Jira answers twice are dropped by issue id, so a run
 * never emits an issue twice ({@link EmittedIssues}). When a whole page shares one
 * {@code updated} millisecond the keyset cannot move, so the run pages by position inside that
 * query (Data Center {@code startAt}, Cloud {@code nextPageToken}) until a page reaches a later
 * {@code updated}; paging ends when Jira says the result is done (Cloud {@code isLast} or no
 * token; Data Center {@code startAt} + issues ≥ {@code total}, or an empty page). Epoch
 * milliseconds are an instant: a zone-less date string would be read in the Jira user's zone.
 *
 * <p>The upper bound (the run's start) means an issue changed during the run leaves the result,
 * and the next run reads it. If Jira's clock is behind the worker's, the changed issue moves to
 * the end of the result instead; it is not emitted again, and the cursor stays before its new
 * {@code updated} so the next incremental run reads it.
 *
 * <p>Each page's checkpoint holds the keyset ({@code from_updated_ms}, {@code from_ids}, the
 * upper bound {@code until_updated_ms}, and {@code start_at} or {@code next_page_token} while
 * paging inside one millisecond) with the cursor's parts ({@code max_updated_ms},
 * {@code held_back_ms}), so a resumed run continues after its last committed page; a checkpoint
 * of the former position paging ({@code jql} and a position) restarts from its
 * {@code max_updated_ms}. The cursor {@code {updated_ms}} (highest {@code updated} emitted,
 * including the incoming cursor, held back as above) rides on every page and becomes the sync
 * cursor with the last.
 */
final class IssuesExtraction {

    private static final Logger log = LoggerFactory.getLogger(IssuesExtraction.class);

    static final String ENTITY = "jira_issues";
    static final String CURSOR_UPDATED_MS = "updated_ms";

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
        Long cursor = IssueKeyset.millis(request.cursor().get(CURSOR_UPDATED_MS));
        IssueKeyset keyset;
        EmittedIssues emitted;
        if (request.resuming()) {
            keyset = IssueKeyset.resume(request.resumeFrom(), cloud, request.startedAt().toEpochMilli());
            emitted = EmittedIssues.resumed(cursor, request.resumeFrom(), keyset.fromIds());
        } else {
            Long from = request.mode() == SyncMode.INCREMENTAL && cursor != null
                    ? cursor - client.config().overlap().toMillis() : null;
            keyset = IssueKeyset.start(from, request.startedAt().toEpochMilli());
            emitted = new EmittedIssues(cursor, null, Set.of());
        }
        while (true) {
            HttpUrl url = searchUrl(keyset.jql(project), keyset.position());
            JiraClient.Fetched fetched = client.get(url);
            JsonNode issues = fetched.body().path("issues");
            Map<String, Long> updatedById = new LinkedHashMap<>();
            List<SourceRecord> records = admit(issues, keyset, emitted, updatedById);
            Long pageMax = updatedById.values().stream().filter(Objects::nonNull).max(Long::compare).orElse(null);
            IssueKeyset next = lastPage(fetched.body(), keyset, issues.size()) ? null
                    : keyset.next(pageMax, idsAt(updatedById, pageMax), positionAfter(fetched.body(), keyset, issues.size()));
            if (next != null && next.position() != null && keyset.position() == null && next.fromMs() != null) {
                log.info("A whole page of Jira issues in {} shares updated {} ms; reading on by position inside it",
                        project, next.fromMs());
            }
            Map<String, String> checkpoint = new LinkedHashMap<>();
            if (next != null) {
                checkpoint.putAll(next.checkpoint(cloud));
                checkpoint.putAll(emitted.checkpoint());
            }
            sink.accept(new Page(records, info(fetched, url, keyset), checkpoint, emitted.cursor()));
            if (next == null || sink.stopRequested()) {
                return;
            }
            keyset = next;
        }
    }

    /** The page's issues new to this run, changelogs completed; notes every issue's {@code updated} by id. */
    private List<SourceRecord> admit(JsonNode issues, IssueKeyset keyset, EmittedIssues emitted,
            Map<String, Long> updatedById) {
        List<SourceRecord> records = new ArrayList<>(issues.size());
        for (JsonNode item : issues) {
            ObjectNode issue = (ObjectNode) item;
            Instant updated = JiraTime.parse(issue.path("fields").path("updated").asString(null));
            Long updatedMs = updated == null ? null : updated.toEpochMilli();
            String id = issueId(issue);
            if (updatedById.containsKey(id) && Objects.equals(updatedById.get(id), updatedMs)) {
                continue; // the same issue twice on one page
            }
            updatedById.put(id, updatedMs);
            EmittedIssues.Admission admission = emitted.admit(id, updatedMs, keyset.fromMs());
            if (admission == EmittedIssues.Admission.NEW) {
                changelogs.complete(issue);
                records.add(new SourceRecord(issue.path("key").asString(), issue, updated));
            } else if (admission == EmittedIssues.Admission.CHANGED) {
                log.info("Jira issue {} changed during the run and is still inside its upper bound; it is not emitted "
                        + "twice, and the cursor stays at or before {} so the next run reads it",
                        issue.path("key").asString(), updated);
            }
        }
        return records;
    }

    private HttpUrl searchUrl(String jql, String position) {
        HttpUrl.Builder url = (cloud ? client.api("search", "jql") : client.api("search")).addQueryParameter("jql", jql);
        if (cloud && position != null) {
            url.addQueryParameter("nextPageToken", position);
        } else if (!cloud) {
            url.addQueryParameter("startAt", position == null ? "0" : position);
        }
        return url.addQueryParameter("maxResults", Integer.toString(client.config().pageSize()))
                .addQueryParameter("fields", "*all")
                .addQueryParameter("expand", "changelog")
                .build();
    }

    /** Cloud: {@code isLast}, or no token to go on with. Data Center: an empty page, or {@code total} reached. */
    private boolean lastPage(JsonNode body, IssueKeyset keyset, int received) {
        if (cloud) {
            JsonNode token = body.path("nextPageToken");
            return body.path("isLast").asBoolean(false) || !token.isString() || token.asString().isEmpty();
        }
        return received == 0 || startAt(keyset) + received >= body.path("total").asLong(0);
    }

    /** Inside the same query: Cloud's {@code nextPageToken}, Data Center's next {@code startAt}. */
    private String positionAfter(JsonNode body, IssueKeyset keyset, int received) {
        return cloud ? body.path("nextPageToken").asString() : Long.toString(startAt(keyset) + received);
    }

    private static long startAt(IssueKeyset keyset) {
        return keyset.position() == null ? 0 : Long.parseLong(keyset.position());
    }

    /** Jira's numeric issue id (as text); the key for an issue without one, which Jira never sends. */
    private static String issueId(JsonNode issue) {
        String id = issue.path("id").asString("");
        return id.isEmpty() ? "key:" + issue.path("key").asString() : id;
    }

    private static Set<String> idsAt(Map<String, Long> updatedById, Long updatedMs) {
        Set<String> ids = new HashSet<>();
        if (updatedMs != null) {
            updatedById.forEach((id, updated) -> {
                if (updatedMs.equals(updated)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private PageRequestInfo info(JiraClient.Fetched fetched, HttpUrl url, IssueKeyset keyset) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        return new PageRequestInfo(JiraResponse.endpoint(url), params, keyset.describe(cloud),
                fetched.response().headers().get("ETag"), fetched.response().rateLimit(), fetched.response().fetchedAt());
    }
}
