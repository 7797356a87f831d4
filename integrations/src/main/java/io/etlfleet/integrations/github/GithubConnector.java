package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub connector for one integration. Entities, each scoped by repository (and
 * {@code github_repositories} by owner when the config names one): {@code github_repositories},
 * {@code github_issues}, {@code github_pull_requests}, {@code github_commits},
 * {@code github_issue_comments}. Retries single requests, sleeps through short rate limits and
 * defers long ones to the runtime ({@link io.etlfleet.integrations.spi.RateLimitedException});
 * never retries a whole run.
 */
public final class GithubConnector implements Connector {

    static final String REPOSITORIES = "github_repositories";
    private static final List<GithubListing> REPOSITORY_LISTINGS = List.of(GithubListing.ISSUES,
            GithubListing.PULL_REQUESTS, GithubListing.COMMITS, GithubListing.ISSUE_COMMENTS);

    private final GithubConfig config;
    private final GithubClient client;

    GithubConnector(GithubConfig config, GithubClient client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public String type() {
        return GithubConnectorFactory.TYPE;
    }

    @Override
    public List<String> entityTypes() {
        List<String> types = new ArrayList<>(List.of(REPOSITORIES));
        REPOSITORY_LISTINGS.forEach(listing -> types.add(listing.entity()));
        return types;
    }

    /**
     * The configured repositories; with {@code config.organization} or {@code config.user}, the
     * owner for {@code github_repositories} and otherwise every repository the owner has, oldest
     * first (so that a repository created meanwhile does not move the others' positions).
     */
    @Override
    public List<String> scopes(String entityType) {
        requireSupported(entityType);
        if (!config.listsOwnerRepositories()) {
            return config.repositories();
        }
        if (REPOSITORIES.equals(entityType)) {
            return List.of(config.owner().name());
        }
        return ownerRepositories();
    }

    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        requireSupported(request.entityType());
        if (REPOSITORIES.equals(request.entityType())) {
            if (config.listsOwnerRepositories()) {
                new ListingExtraction(client, GithubListing.OWNER_REPOSITORIES).run(request, sink);
            } else {
                new RepositoryExtraction(client).run(request, sink);
            }
            return;
        }
        GithubListing listing = REPOSITORY_LISTINGS.stream().filter(l -> l.entity().equals(request.entityType()))
                .findFirst().orElseThrow();
        new ListingExtraction(client, listing).run(request, sink);
    }

    /** See {@link GithubConnectionCheck}. */
    @Override
    public ConnectionCheck testConnection() {
        return new GithubConnectionCheck(client).run();
    }

    /** Nothing to release: the HTTP client is shared by the factory. */
    @Override
    public void close() {
    }

    private List<String> ownerRepositories() {
        HttpUrl url = client.ownerUrl(config.owner(), "repos").newBuilder()
                .addQueryParameter("type", config.owner().organization() ? "all" : "owner")
                .addQueryParameter("sort", "created").addQueryParameter("direction", "asc")
                .addQueryParameter("per_page", "100").build();
        List<String> names = new ArrayList<>();
        while (url != null) {
            GithubPage page = GithubPage.fetch(client, url, false);
            for (JsonItems.Item listed : page.items()) {
                JsonNode repo = listed.node();
                String name = GithubListing.text(repo, "full_name");
                if (name != null) {
                    names.add(name);
                }
            }
            url = page.next().orElse(null);
        }
        return names;
    }

    private void requireSupported(String entityType) {
        if (!entityTypes().contains(entityType)) {
            throw new UnsupportedEntityException(type(), entityType);
        }
    }
}
