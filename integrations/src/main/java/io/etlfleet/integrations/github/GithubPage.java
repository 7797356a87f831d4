package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectorException;
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
 * One page of a GitHub list endpoint: its items and the {@code rel="next"} URL from the
 * {@code Link} header, which is followed verbatim (GitHub may rewrite the path, e.g. to
 * {@code /repositories/{id}/issues}) as long as it stays below the configured base URL.
 */
record GithubPage(GithubResponse response, List<JsonNode> items, Optional<HttpUrl> next) {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static GithubPage fetch(GithubClient client, HttpUrl url) {
        GithubResponse response = client.get(url);
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new RetriableConnectorException("GitHub sent malformed JSON for GET " + GithubResponse.endpoint(url), e);
        }
        if (!body.isArray()) {
            throw new RetriableConnectorException("GitHub sent a non-list body for GET " + GithubResponse.endpoint(url));
        }
        List<JsonNode> items = new ArrayList<>(body.size());
        body.forEach(items::add);
        return new GithubPage(response, items, next(client, response));
    }

    private static Optional<HttpUrl> next(GithubClient client, GithubResponse response) {
        Optional<String> next = LinkHeader.parse(response.headers().values("Link")).url("next");
        if (next.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(next.get());
        if (url == null || !client.withinBase(url)) {
            throw new ConnectorException("GitHub's next-page link for GET " + GithubResponse.endpoint(response.url())
                    + " points outside config.base_url; not following it");
        }
        return Optional.of(url);
    }

    /** How the page was fetched, as stored with each of its records. */
    PageRequestInfo requestInfo() {
        HttpUrl url = response.url();
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            params.put(name, url.queryParameter(name));
        }
        String page = url.queryParameter("page");
        return new PageRequestInfo(GithubResponse.endpoint(url), params, page == null ? "1" : page,
                response.headers().get("ETag"), response.rateLimit(), response.fetchedAt());
    }
}
