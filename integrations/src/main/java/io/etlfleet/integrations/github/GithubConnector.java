package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The GitHub connector for one integration. Entities: {@code github_issues}, scoped by
 * repository. Retries single requests and sleeps through rate limits (see
 * {@link io.etlfleet.integrations.http.ResilientRequests}); never retries a whole run.
 */
public final class GithubConnector implements Connector {

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
        return List.of(IssuesExtraction.ENTITY);
    }

    @Override
    public List<String> scopes(String entityType) {
        requireSupported(entityType);
        return config.repositories();
    }

    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        requireSupported(request.entityType());
        new IssuesExtraction(client).run(request, sink);
    }

    /** Reads the first configured repository once, without retries or waiting. */
    @Override
    public ConnectionCheck testConnection() {
        String repository = config.repositories().get(0);
        GithubResponse response;
        try {
            response = client.getOnce(client.repositoryUrl(repository));
        } catch (IOException e) {
            return new ConnectionCheck(Outcome.UNREACHABLE, "cannot reach " + config.baseUrl() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        if (response.successful()) {
            return ConnectionCheck.ok("repository " + repository + " is readable at " + config.baseUrl());
        }
        if (response.status() == 401) {
            return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "GitHub rejected the token (bad credentials)");
        }
        if (response.status() == 404) {
            return new ConnectionCheck(Outcome.NOT_FOUND,
                    "repository " + repository + " not found or token lacks access");
        }
        ConnectorException error = client.classifier().classify(response.status(), response.headers(),
                new String(response.body(), StandardCharsets.UTF_8), GithubResponse.endpoint(response.url()));
        if (error instanceof RateLimitedException limited) {
            return new ConnectionCheck(Outcome.RATE_LIMITED, "GitHub rate limit exhausted until " + limited.resetAt());
        }
        return new ConnectionCheck(Outcome.SOURCE_ERROR, error.getMessage());
    }

    /** Nothing to release: the HTTP client is shared by the factory. */
    @Override
    public void close() {
    }

    private void requireSupported(String entityType) {
        if (!entityTypes().contains(entityType)) {
            throw new UnsupportedEntityException(type(), entityType);
        }
    }
}
