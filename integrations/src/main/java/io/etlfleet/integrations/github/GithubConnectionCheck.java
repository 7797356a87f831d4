package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link GithubConnector#testConnection()}: one request per configured repository (at most
 * {@value #MAX_CHECKED}: {@code GET /repos/{owner}/{repo}}), or one for the configured owner
 * ({@code GET /orgs/{org}} or {@code GET /users/{user}}), without retries or waiting. The first
 * failure decides: unreachable (network), bad credentials (401; a 403 that is not a rate limit:
 * the token lacks access), not found (404, naming what), rate limited, or a source error (5xx,
 * or an answer that is not GitHub's JSON, e.g. a base URL pointing at the web UI).
 */
final class GithubConnectionCheck {

    static final int MAX_CHECKED = 20;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final GithubClient client;

    GithubConnectionCheck(GithubClient client) {
        this.client = client;
    }

    ConnectionCheck run() {
        GithubConfig config = client.config();
        if (config.listsOwnerRepositories()) {
            GithubConfig.Owner owner = config.owner();
            String what = (owner.organization() ? "organization " : "user ") + owner.name();
            ConnectionCheck check = check(client.ownerUrl(owner), what, "login");
            return check.ok() ? ConnectionCheck.ok(what + " is readable at " + config.baseUrl()) : check;
        }
        List<String> repositories = config.repositories();
        List<String> checked = repositories.subList(0, Math.min(MAX_CHECKED, repositories.size()));
        for (String repository : checked) {
            ConnectionCheck check = check(client.repositoryUrl(repository), "repository " + repository, "full_name");
            if (!check.ok()) {
                return check;
            }
        }
        return ConnectionCheck.ok((checked.size() == 1 ? "repository " + checked.get(0) + " is"
                : checked.size() + " repositories are") + " readable at " + config.baseUrl());
    }

    private ConnectionCheck check(HttpUrl url, String what, String expectedField) {
        GithubResponse response;
        try {
            response = client.getOnce(url);
        } catch (IOException e) {
            return new ConnectionCheck(Outcome.UNREACHABLE, "cannot reach " + client.config().baseUrl() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.successful()) {
            return looksLikeGithub(body, expectedField) ? ConnectionCheck.ok(what + " is readable")
                    : new ConnectionCheck(Outcome.SOURCE_ERROR, client.config().baseUrl()
                            + " did not answer like the GitHub REST API; for GitHub Enterprise Server use https://host/api/v3");
        }
        String message = GithubErrorClassifier.githubMessage(body);
        String detail = message.isEmpty() ? "" : " (GitHub: " + message + ")";
        if (response.status() == 401) {
            return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "GitHub rejected the token (bad credentials)" + detail);
        }
        if (response.status() == 404) {
            return new ConnectionCheck(Outcome.NOT_FOUND, what + " not found, or the token cannot see it" + detail);
        }
        ConnectorException error = client.classifier().classify(response.status(), response.headers(), body,
                GithubResponse.endpoint(url));
        if (error instanceof RateLimitedException limited) {
            return new ConnectionCheck(Outcome.RATE_LIMITED, "GitHub rate limit exhausted until " + limited.resetAt());
        }
        if (response.status() == 403) {
            return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "the token lacks access to " + what + detail);
        }
        return new ConnectionCheck(Outcome.SOURCE_ERROR, error.getMessage());
    }

    private static boolean looksLikeGithub(String body, String expectedField) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node.isObject() && node.has(expectedField);
        } catch (JacksonException notJson) {
            return false;
        }
    }
}
