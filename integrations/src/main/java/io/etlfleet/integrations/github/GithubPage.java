package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.http.LinkHeader;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of a GitHub list endpoint: its items (each with its text as sent) and the next page's URL. The next URL is the
 * {@code Link} header's {@code rel="next"}, followed verbatim (GitHub may rewrite the path, e.g.
 * to {@code /repositories/{id}/issues}) as long as it stays below the configured base URL.
 *
 * <p>Fetched conditionally, a page GitHub answers 304 has no body: it is the page stored before,
 * whose records are already in raw storage. Its next URL then comes from the facts saved with
 * its ETag: the stored next link, or, for a page that was full but last, the next page number
 * (items may have been added behind it since).
 */
record GithubPage(GithubResponse response, List<JsonItems.Item> items, Optional<HttpUrl> next, StoredEtag stored) {

    static final String FACT_NEXT_URL = "next_url";
    static final String FACT_ITEMS = "items";
    private static final JsonItems ITEMS = new JsonItems(JsonMapper.builder().build());
    private static final int GITHUB_DEFAULT_PER_PAGE = 30;

    /** @param conditional whether to send the stored ETag of {@code url} */
    static GithubPage fetch(GithubClient client, HttpUrl url, boolean conditional) {
        StoredEtag stored = conditional
                ? client.etags().find(client.integrationId(), url.toString()).orElse(null) : null;
        GithubResponse response = client.get(url, stored == null ? null : stored.etag());
        if (response.notModified()) {
            return new GithubPage(response, List.of(), nextOfUnchanged(client, url, stored), stored);
        }
        List<JsonItems.Item> items;
        try {
            items = ITEMS.ofArray(response.body()).orElseThrow(() -> new RetriableConnectorException(
                    "GitHub sent a non-list body for GET " + GithubResponse.endpoint(url)));
        } catch (JacksonException e) {
            throw new RetriableConnectorException("GitHub sent malformed JSON for GET " + GithubResponse.endpoint(url), e);
        }
        return new GithubPage(response, items, next(client, response), null);
    }

    boolean notModified() {
        return response.notModified();
    }

    /**
     * Saves this page's ETag with what a later 304 needs to carry on; call once the page is
     * committed, so that a 304 always means "already stored".
     */
    void remember(GithubClient client, Map<String, String> extraFacts) {
        String etag = response.headers().get("ETag");
        if (etag == null || notModified()) {
            return;
        }
        Map<String, String> facts = new LinkedHashMap<>(extraFacts);
        facts.put(FACT_ITEMS, Integer.toString(items.size()));
        next.ifPresent(url -> facts.put(FACT_NEXT_URL, url.toString()));
        client.etags().save(client.integrationId(), response.url().toString(), new StoredEtag(etag, facts));
    }

    /** A stored fact of a 304 page; null for a 200. */
    String fact(String name) {
        return stored == null ? null : stored.facts().get(name);
    }

    private static Optional<HttpUrl> next(GithubClient client, GithubResponse response) {
        Optional<String> next = LinkHeader.parse(response.headers().values("Link")).url("next");
        if (next.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(withinBase(client, next.get(), response.url()));
    }

    private static Optional<HttpUrl> nextOfUnchanged(GithubClient client, HttpUrl url, StoredEtag stored) {
        String nextUrl = stored.facts().get(FACT_NEXT_URL);
        if (nextUrl != null) {
            return Optional.of(withinBase(client, nextUrl, url));
        }
        int items = parse(stored.facts().get(FACT_ITEMS), 0);
        int perPage = parse(url.queryParameter("per_page"), GITHUB_DEFAULT_PER_PAGE);
        if (items < perPage) {
            return Optional.empty();
        }
        int page = parse(url.queryParameter("page"), 1);
        return Optional.of(url.newBuilder().setQueryParameter("page", Integer.toString(page + 1)).build());
    }

    private static HttpUrl withinBase(GithubClient client, String link, HttpUrl from) {
        HttpUrl url = HttpUrl.parse(link);
        if (url == null || !client.withinBase(url)) {
            throw new ConnectorException("GitHub's next-page link for GET " + GithubResponse.endpoint(from)
                    + " points outside config.base_url; not following it");
        }
        return url;
    }

    private static int parse(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Request facts of a page that has no response body to describe it. */
    static PageRequestInfo emptyInfo(HttpUrl url) {
        return new PageRequestInfo(GithubResponse.endpoint(url), Map.of(), "1", null, Map.of(), null);
    }

    /** The page's place in its listing: {@code 3}, or for a keyset {@code since=2024-01-31T23:59:59Z [page=2]}. */
    static String position(HttpUrl url) {
        String page = url.queryParameter("page");
        String since = url.queryParameter("since");
        if (since == null) {
            return page == null ? "1" : page;
        }
        return "since=" + since + (page == null ? "" : " page=" + page);
    }

    /** How the page was fetched, as stored with each of its records. */
    PageRequestInfo requestInfo() {
        HttpUrl url = response.url();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        String etag = response.headers().get("ETag");
        return new PageRequestInfo(GithubResponse.endpoint(url), params, position(url),
                etag != null ? etag : stored == null ? null : stored.etag(), response.rateLimit(), response.fetchedAt());
    }
}
