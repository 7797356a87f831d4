package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * {@code github_issues} for one repository: {@code GET /repos/{owner}/{repo}/issues?state=all
 * &per_page=100&sort=updated&direction=desc[&since=...]}, following {@code Link: rel="next"}.
 *
 * <p>Why newest-updated first: GitHub pages by offset. With the newest first, an issue updated
 * during the run moves to the front, so later pages only repeat items (harmless, de-duplicated
 * by content hash) and never skip one. For the same reason the cursor (the highest
 * {@code updated_at} seen) only becomes the sync cursor with the last page; the next
 * incremental run reads from that cursor minus {@code overlap_seconds}.
 *
 * <p>GitHub has no upper bound parameter, so {@link ExtractRequest#startedAt()} is not used;
 * anything changed after the run started is picked up by the next run through the overlap.
 *
 * <p>Pull requests appear in GitHub's issue list (with a {@code pull_request} object); they
 * are skipped here and belong to {@code github_pull_requests}.
 */
final class IssuesExtraction {

    static final String ENTITY = "github_issues";
    static final String CURSOR_UPDATED_AT = "updated_at";
    static final String CHECKPOINT_NEXT_URL = "next_url";
    static final String CHECKPOINT_MAX_UPDATED_AT = "max_updated_at";

    private final GithubClient client;

    IssuesExtraction(GithubClient client) {
        this.client = client;
    }

    void run(ExtractRequest request, PageSink sink) {
        String repository = client.config().repository(request.scope());
        Watermark watermark = Watermark.of(request.cursor().get(CURSOR_UPDATED_AT));
        HttpUrl url;
        if (request.resuming()) {
            url = resumeUrl(request.resumeFrom().get(CHECKPOINT_NEXT_URL));
            watermark = watermark.observe(Watermark.of(request.resumeFrom().get(CHECKPOINT_MAX_UPDATED_AT)).value());
        } else {
            url = firstUrl(repository, request.mode() == SyncMode.INCREMENTAL ? watermark.value() : null);
        }
        while (true) {
            GithubPage page = GithubPage.fetch(client, url);
            List<SourceRecord> records = new ArrayList<>(page.items().size());
            for (JsonNode item : page.items()) {
                if (item.has("pull_request")) {
                    continue;
                }
                Instant updatedAt = Watermark.parse(text(item, "updated_at"));
                watermark = watermark.observe(updatedAt);
                records.add(new SourceRecord(repository + "#" + text(item, "number"), item, updatedAt));
            }
            Watermark seen = watermark;
            Map<String, String> checkpoint = page.next().map(next -> seen.checkpoint(next.toString())).orElse(Map.of());
            sink.accept(new Page(records, page.requestInfo(), checkpoint, watermark.cursor()));
            if (page.next().isEmpty() || sink.stopRequested()) {
                return;
            }
            url = page.next().get();
        }
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private HttpUrl firstUrl(String repository, Instant cursor) {
        HttpUrl.Builder url = client.repositoryUrl(repository, "issues").newBuilder()
                .addQueryParameter("state", "all")
                .addQueryParameter("per_page", "100")
                .addQueryParameter("sort", "updated")
                .addQueryParameter("direction", "desc");
        if (cursor != null) {
            // Sent unescaped, as GitHub documents it (YYYY-MM-DDTHH:MM:SSZ); every character is query-safe.
            url.addEncodedQueryParameter("since", Watermark.format(cursor.minus(client.config().overlap())));
        }
        return url.build();
    }

    private HttpUrl resumeUrl(String nextUrl) {
        HttpUrl url = nextUrl == null ? null : HttpUrl.parse(nextUrl);
        if (url == null || !client.withinBase(url)) {
            throw new InvalidConfigException("config.base_url",
                    "the checkpoint to resume from does not point below the configured base URL; run without it");
        }
        return url;
    }
}
