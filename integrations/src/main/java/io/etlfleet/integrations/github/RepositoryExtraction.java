package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageRequestInfo;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code github_repositories} of a configured list: one {@code GET /repos/{owner}/{repo}} per
 * scope, conditional in incremental runs (a 304 stores nothing). External id = {@code full_name};
 * cursor {@code updated_at}. With {@code config.organization} or {@code config.user} the owner's
 * repository list is paged instead ({@link GithubListing#OWNER_REPOSITORIES}).
 */
final class RepositoryExtraction {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final GithubClient client;

    RepositoryExtraction(GithubClient client) {
        this.client = client;
    }

    void run(ExtractRequest request, PageSink sink) {
        String repository = client.config().repository(request.scope());
        HttpUrl url = client.repositoryUrl(repository);
        Watermark watermark = Watermark.of("updated_at", request.cursor().get("updated_at"));
        StoredEtag stored = request.mode() == SyncMode.INCREMENTAL
                ? client.etags().find(client.integrationId(), url.toString()).orElse(null) : null;
        long sentBefore = client.requestsSent();
        GithubResponse response = client.get(url, stored == null ? null : stored.etag());
        List<SourceRecord> records = List.of();
        String etag = response.headers().get("ETag");
        if (!response.notModified()) {
            JsonNode repo = parse(response, url);
            Instant updatedAt = Watermark.parse(GithubListing.text(repo, "updated_at"));
            watermark = watermark.observe(updatedAt);
            String fullName = GithubListing.text(repo, "full_name");
            records = List.of(new SourceRecord(fullName == null ? repository : fullName, repo, updatedAt));
        }
        PageRequestInfo info = new PageRequestInfo(GithubResponse.endpoint(url), Map.of(), "1",
                etag != null ? etag : stored == null ? null : stored.etag(), response.rateLimit(), response.fetchedAt());
        sink.accept(new Page(records, info, Map.of(), watermark.cursor(), Map.of(
                Page.REQUESTS, client.requestsSent() - sentBefore, Page.NOT_MODIFIED, response.notModified() ? 1L : 0L)));
        if (etag != null && !response.notModified()) {
            client.etags().save(client.integrationId(), url.toString(), new StoredEtag(etag, Map.of()));
        }
    }

    private static JsonNode parse(GithubResponse response, HttpUrl url) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node.isObject()) {
                return node;
            }
        } catch (JacksonException malformed) {
            throw new RetriableConnectorException("GitHub sent malformed JSON for GET " + GithubResponse.endpoint(url),
                    malformed);
        }
        throw new RetriableConnectorException("GitHub sent a non-object body for GET " + GithubResponse.endpoint(url));
    }
}
