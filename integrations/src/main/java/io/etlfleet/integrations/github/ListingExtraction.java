package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Pages through one {@link GithubListing} for one scope, following {@code Link: rel="next"}.
 *
 * <p>Incremental: the run starts from the stored cursor minus {@code overlap_seconds}, sent as
 * {@code since} or, for endpoints without it, used as the point where the newest-first order
 * ends the run. Why newest first where GitHub allows it: GitHub pages by offset, so an item
 * changed during the run moves to the front and later pages can only repeat items (harmless,
 * de-duplicated by content hash), never skip one. The cursor (the highest change time seen)
 * becomes the sync cursor only with the last page.
 *
 * <p>Conditional: incremental runs send each URL's stored ETag as {@code If-None-Match}; a 304
 * page yields no records and costs no budget, and the run carries on with the facts stored with
 * the ETag (the next link, the item count, the oldest and newest change time on the page, which
 * still counts towards the cursor). ETags are saved after their page is committed. Full runs
 * re-read everything (they still save ETags).
 */
final class ListingExtraction {

    static final String FACT_OLDEST = "oldest_changed_at";
    static final String FACT_NEWEST = "newest_changed_at";

    private final GithubClient client;
    private final GithubListing listing;

    ListingExtraction(GithubClient client, GithubListing listing) {
        this.client = client;
        this.listing = listing;
    }

    void run(ExtractRequest request, PageSink sink) {
        String scope = scope(request.scope());
        Watermark watermark = Watermark.of(listing.cursorKey(), request.cursor().get(listing.cursorKey()));
        boolean incremental = request.mode() == SyncMode.INCREMENTAL;
        Instant since = incremental && watermark.value() != null ? watermark.value().minus(client.config().overlap()) : null;
        HttpUrl url;
        if (request.resuming()) {
            url = resumeUrl(request.resumeFrom().get(Watermark.CHECKPOINT_NEXT_URL));
            watermark = watermark.observe(Watermark.parse(request.resumeFrom().get(Watermark.CHECKPOINT_MAX)));
        } else {
            url = listing.firstUrl(client, scope, since);
        }
        while (true) {
            long sentBefore = client.requestsSent();
            GithubPage page;
            try {
                page = GithubPage.fetch(client, url, incremental);
            } catch (GithubErrorClassifier.EmptyRepositoryException empty) {
                // GitHub answers 409 for the commits of a repository without any: nothing to read.
                sink.accept(new Page(List.of(), GithubPage.emptyInfo(url), Map.of(), watermark.cursor(),
                        Map.of(Page.REQUESTS, client.requestsSent() - sentBefore)));
                return;
            }
            List<SourceRecord> records = new ArrayList<>(page.items().size());
            Instant oldest = Watermark.parse(page.fact(FACT_OLDEST));
            // An unchanged page's records are stored already; they still count towards the cursor.
            Instant newest = Watermark.parse(page.fact(FACT_NEWEST));
            watermark = watermark.observe(newest);
            boolean reachedCursor = page.notModified() && stopsAt(since, oldest);
            for (JsonNode item : page.items()) {
                Instant changedAt = listing.changedAt(item);
                if (changedAt != null && (oldest == null || changedAt.isBefore(oldest))) {
                    oldest = changedAt;
                }
                if (stopsAt(since, changedAt)) {
                    reachedCursor = true;
                    continue;
                }
                String externalId = listing.externalId(scope, item);
                if (externalId == null) {
                    continue;
                }
                watermark = watermark.observe(changedAt);
                if (changedAt != null && (newest == null || changedAt.isAfter(newest))) {
                    newest = changedAt;
                }
                records.add(new SourceRecord(externalId, item, changedAt));
            }
            Optional<HttpUrl> next = reachedCursor ? Optional.empty() : page.next();
            Watermark seen = watermark;
            Map<String, String> checkpoint = next.map(n -> seen.checkpoint(n.toString())).orElse(Map.of());
            Map<String, Long> counts = Map.of(Page.REQUESTS, client.requestsSent() - sentBefore,
                    Page.NOT_MODIFIED, page.notModified() ? 1L : 0L);
            sink.accept(new Page(records, page.requestInfo(), checkpoint, watermark.cursor(), counts));
            Map<String, String> facts = new LinkedHashMap<>();
            if (oldest != null) {
                facts.put(FACT_OLDEST, Watermark.format(oldest));
            }
            if (newest != null) {
                facts.put(FACT_NEWEST, Watermark.format(newest));
            }
            page.remember(client, facts);
            if (next.isEmpty() || sink.stopRequested()) {
                return;
            }
            url = next.get();
        }
    }

    private boolean stopsAt(Instant since, Instant changedAt) {
        return listing.stopsAtCursor() && since != null && changedAt != null && changedAt.isBefore(since);
    }

    private String scope(String scope) {
        GithubConfig config = client.config();
        if (listing == GithubListing.OWNER_REPOSITORIES) {
            if (!config.owner().name().equalsIgnoreCase(scope)) {
                throw new InvalidConfigException(config.owner().field(), "does not name the requested owner " + scope);
            }
            return config.owner().name();
        }
        return config.repository(scope);
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
