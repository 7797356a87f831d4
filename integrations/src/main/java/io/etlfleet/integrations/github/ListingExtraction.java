package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * Pages through one {@link GithubListing} for one scope.
 *
 * <p>Keyset listings (issues, issue comments) are read oldest change first, and each page is
 * asked for afresh as {@code since} the last change time read minus a second (so that a server
 * reading {@code since} as "after" rather than "at or after" still returns that second's other
 * items), with the items already read at their version dropped. A position in a result set that
 * moves is never used: an item edited during the run moves to the end and is read there, and an
 * item deleted or transferred between pages shifts nothing. Only when more than a page of items
 * share that second does the run follow {@code Link: rel="next"} within it. Offset listings
 * (pull requests, commits, an owner's repositories) have no {@code since} to page by and are read
 * newest first by {@code Link: rel="next"}: an item changed or created during the run moves to
 * the front, so later pages can only repeat items (harmless, de-duplicated by content hash),
 * never skip one; items are not deleted from them (GitHub does not delete pull requests; commits
 * leave a branch only when its history is rewritten).
 *
 * <p>Incremental: the run starts from the stored cursor minus {@code overlap_seconds}, sent as
 * {@code since} or, for endpoints without it, used as the point where the newest-first order
 * ends the run. The cursor (the highest change time seen) becomes the sync cursor only with the
 * last page.
 *
 * <p>The next page is fetched while the current one commits (one request ahead, on a thread of
 * the run's own); pages are still handed over, and committed, one after the other, and a page
 * fetched ahead of a stop is dropped once its request has finished.
 *
 * <p>A page GitHub refuses with 422 "pagination is limited" is, when the page before it no longer
 * links to it, a page past the end (the listing shrank): the run ends with that page. When the
 * page before still links on, the listing cannot be read further and the run fails saying so.
 *
 * <p>Conditional: incremental runs send each URL's stored ETag as {@code If-None-Match}; a 304
 * page yields no records and costs no budget, and the run carries on with the facts stored with
 * the ETag (the next link, the item count, the oldest and newest change time on the page, which
 * still counts towards the cursor). ETags are saved after their page is committed, for a keyset
 * only its first page's (the later pages' {@code since} will not be asked again). Full runs
 * re-read everything (they still save ETags).
 */
final class ListingExtraction {

    static final String FACT_OLDEST = "oldest_changed_at";
    static final String FACT_NEWEST = "newest_changed_at";
    /** The latest change time of any item on the page, skipped ones included: where a keyset goes on. */
    static final String FACT_LAST = "last_changed_at";
    /** A keyset checkpoint's items read in its last second, so that a resumed run does not emit them again. */
    static final String CHECKPOINT_READ = "keyset_read";

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
        KeysetWindow window = new KeysetWindow();
        boolean firstPage = !request.resuming();
        if (request.resuming()) {
            window.restore(request.resumeFrom().get(CHECKPOINT_READ));
        }
        ExecutorService ahead = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, Thread.currentThread().getName() + "-next-page");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Fetched> prefetched = null;
            while (true) {
                Fetched fetched = prefetched != null ? await(prefetched) : fetch(url, incremental);
                prefetched = null;
                url = fetched.url();
                if (fetched.page() == null) {
                    // GitHub answers 409 for the commits of a repository without any: nothing to read.
                    sink.accept(new Page(List.of(), GithubPage.emptyInfo(url), Map.of(), watermark.cursor(),
                            Map.of(Page.REQUESTS, fetched.requests())));
                    return;
                }
                GithubPage page = fetched.page();
                List<SourceRecord> records = new ArrayList<>(page.items().size());
                Instant oldest = Watermark.parse(page.fact(FACT_OLDEST));
                // An unchanged page's records are stored already; they still count towards the cursor.
                Instant newest = Watermark.parse(page.fact(FACT_NEWEST));
                watermark = watermark.observe(newest);
                Instant last = Watermark.parse(page.fact(FACT_LAST));
                boolean reachedCursor = page.notModified() && stopsAt(since, oldest);
                for (JsonItems.Item listed : page.items()) {
                    JsonNode item = listed.node();
                    Instant changedAt = listing.changedAt(item);
                    if (changedAt != null && (oldest == null || changedAt.isBefore(oldest))) {
                        oldest = changedAt;
                    }
                    if (changedAt != null && (last == null || changedAt.isAfter(last))) {
                        last = changedAt;
                    }
                    if (stopsAt(since, changedAt)) {
                        reachedCursor = true;
                        continue;
                    }
                    String externalId = listing.externalId(scope, item);
                    if (externalId == null || listing.keyset() && !window.firstRead(externalId, changedAt)) {
                        continue;
                    }
                    watermark = watermark.observe(changedAt);
                    if (changedAt != null && (newest == null || changedAt.isAfter(newest))) {
                        newest = changedAt;
                    }
                    records.add(new SourceRecord(externalId, item, listed.json(), changedAt));
                }
                Optional<HttpUrl> next = reachedCursor ? Optional.empty()
                        : listing.keyset() ? keysetNext(url, page, last, window) : page.next();
                Watermark seen = watermark;
                Map<String, String> checkpoint = next.map(n -> seen.checkpoint(n.toString())).orElse(Map.of());
                if (listing.keyset() && !checkpoint.isEmpty()) {
                    checkpoint = new LinkedHashMap<>(checkpoint);
                    checkpoint.put(CHECKPOINT_READ, window.encode());
                }
                Map<String, Long> counts = Map.of(Page.REQUESTS, fetched.requests(),
                        Page.NOT_MODIFIED, page.notModified() ? 1L : 0L);
                if (next.isPresent() && !sink.stopRequested()) {
                    // The next page is on its way while this one commits; it is used only once this one is.
                    HttpUrl nextUrl = next.get();
                    prefetched = ahead.submit(() -> fetch(nextUrl, incremental));
                }
                sink.accept(new Page(records, page.requestInfo(), checkpoint, watermark.cursor(), counts));
                Map<String, String> facts = new LinkedHashMap<>();
                if (oldest != null) {
                    facts.put(FACT_OLDEST, Watermark.format(oldest));
                }
                if (newest != null) {
                    facts.put(FACT_NEWEST, Watermark.format(newest));
                }
                if (last != null) {
                    facts.put(FACT_LAST, Watermark.format(last));
                }
                // A keyset's later URLs name a since that the next run will not ask again: only its first page's ETag can pay off.
                if (firstPage || !listing.keyset()) {
                    page.remember(client, facts);
                }
                if (next.isEmpty() || sink.stopRequested()) {
                    return;
                }
                url = next.get();
                firstPage = false;
            }
        } finally {
            // A page fetched ahead of a stop or a failure is dropped, but its request is let finish:
            // nothing reaches the source after the run has returned.
            ahead.shutdown();
            awaitTermination(ahead);
        }
    }

    private static void awaitTermination(ExecutorService ahead) {
        try {
            if (!ahead.awaitTermination(5, TimeUnit.MINUTES)) {
                ahead.shutdownNow();
            }
        } catch (InterruptedException e) {
            ahead.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A page as fetched, with the URL it ended up at and the requests it took; no page for an empty repository. */
    private record Fetched(HttpUrl url, GithubPage page, long requests) {
    }

    private Fetched fetch(HttpUrl url, boolean incremental) {
        long sentBefore = client.requestsSent();
        try {
            return new Fetched(url, GithubPage.fetch(client, url, incremental), client.requestsSent() - sentBefore);
        } catch (GithubErrorClassifier.EmptyRepositoryException empty) {
            return new Fetched(url, null, client.requestsSent() - sentBefore);
        } catch (GithubErrorClassifier.PaginationLimitedException limited) {
            HttpUrl before = pageBefore(url, limited);
            return new Fetched(before, lastPage(before, limited), client.requestsSent() - sentBefore);
        }
    }

    private static Fetched await(Future<Fetched> prefetched) {
        try {
            return prefetched.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException e) {
                throw e;
            }
            throw new IllegalStateException("fetching the next page failed", failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableConnectorException("interrupted while fetching the next page", e);
        }
    }

    /**
     * The keyset's next request: {@code since} a second before the latest change read, on the
     * location GitHub answered from (a renamed repository's new one). Empty after the last page;
     * the page's own next link when the latest change is still in the current request's first
     * second, so that a second with more than a page of items is read through.
     */
    private static Optional<HttpUrl> keysetNext(HttpUrl url, GithubPage page, Instant last, KeysetWindow window) {
        Optional<HttpUrl> next = page.next();
        if (next.isEmpty() || last == null) {
            return next;
        }
        Instant nextSince = last.minusSeconds(1);
        Instant since = Watermark.parse(url.queryParameter("since"));
        if (since != null && !nextSince.isAfter(since)) {
            return next;
        }
        window.forgetBefore(nextSince);
        return Optional.of(page.response().location().newBuilder().removeAllQueryParameters("page")
                .removeAllQueryParameters("since").addEncodedQueryParameter("since", Watermark.format(nextSince))
                .build());
    }

    /** The URL of the page before {@code refused}; a refused first page cannot be read at all. */
    private static HttpUrl pageBefore(HttpUrl refused, GithubErrorClassifier.PaginationLimitedException limited) {
        int number = pageNumber(refused);
        if (number <= 1) {
            throw limited;
        }
        return refused.newBuilder().setQueryParameter("page", Integer.toString(number - 1)).build();
    }

    /** Re-reads {@code url}, the page before a refused one, which must now be the listing's last. */
    private GithubPage lastPage(HttpUrl url, GithubErrorClassifier.PaginationLimitedException limited) {
        GithubPage page = GithubPage.fetch(client, url, false);
        if (page.next().isPresent()) {
            throw new ConnectorException("GitHub will not page " + listing.entity() + " past page "
                    + pageNumber(url) + " of GET " + GithubResponse.endpoint(url) + ", which still links on: "
                    + limited.getMessage(), limited);
        }
        return page;
    }

    private static int pageNumber(HttpUrl url) {
        try {
            String page = url.queryParameter("page");
            return page == null ? 1 : Integer.parseInt(page);
        } catch (NumberFormatException e) {
            return 1;
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

    /**
     * The items a keyset run has read at the version read, for as long as a later request can
     * return them again (their change time is not before the current {@code since}).
     */
    private static final class KeysetWindow {

        private final Map<String, Instant> read = new HashMap<>();

        /** Records {@code externalId} at {@code changedAt}; false when it was read at that version already. */
        boolean firstRead(String externalId, Instant changedAt) {
            Instant before = read.put(externalId, changedAt == null ? Instant.MIN : changedAt);
            return before == null || !before.equals(changedAt == null ? Instant.MIN : changedAt);
        }

        void forgetBefore(Instant since) {
            read.values().removeIf(changedAt -> changedAt.isBefore(since));
        }

        /** One {@code changedAt externalId} per line. */
        String encode() {
            StringBuilder text = new StringBuilder();
            read.forEach((id, changedAt) -> text.append(changedAt).append(' ').append(id).append('\n'));
            return text.toString();
        }

        /** Takes back what {@link #encode()} wrote; ignores what it cannot read (the run then repeats a few items). */
        void restore(String encoded) {
            if (encoded == null) {
                return;
            }
            for (String line : encoded.split("\n")) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    try {
                        read.put(line.substring(space + 1), Instant.parse(line.substring(0, space)));
                    } catch (DateTimeParseException unreadable) {
                        // not ours: drop it
                    }
                }
            }
        }
    }
}
