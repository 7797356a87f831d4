package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.io.IOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Jira connector (Cloud or Data Center) for one integration. Entities, in full-sync order:
 * {@code jira_projects} and {@code jira_statuses} (unscoped), {@code jira_issues} (scoped by
 * project key, with complete changelogs). Retries single requests and sleeps through rate
 * limits (see {@link io.etlfleet.integrations.http.ResilientRequests}); never retries a whole run.
 */
public final class JiraConnector implements Connector {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JiraConfig config;
    private final JiraClient client;

    JiraConnector(JiraConfig config, JiraClient client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public String type() {
        return JiraConnectorFactory.TYPE;
    }

    @Override
    public List<String> entityTypes() {
        return List.of(CatalogExtraction.PROJECTS, CatalogExtraction.STATUSES, IssuesExtraction.ENTITY);
    }

    @Override
    public List<String> scopes(String entityType) {
        requireSupported(entityType);
        return entityType.equals(IssuesExtraction.ENTITY) ? config.projects() : List.of("");
    }

    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        requireSupported(request.entityType());
        if (request.entityType().equals(IssuesExtraction.ENTITY)) {
            new IssuesExtraction(client).run(request, sink);
        } else {
            new CatalogExtraction(client).run(request, sink);
        }
    }

    /** Reads {@code /myself}, then each configured project, once each without retries or waiting. */
    @Override
    public ConnectionCheck testConnection() {
        String user;
        try {
            JiraResponse myself = client.getOnce(client.api("myself").build());
            if (!myself.successful()) {
                return failed(myself, "Jira REST API not found at " + config.baseUrl() + " for deployment "
                        + config.deployment().configName() + "; check base_url and deployment");
            }
            user = MAPPER.readTree(myself.body()).path("displayName").asString("?");
            for (String project : config.projects()) {
                JiraResponse response = client.getOnce(client.api("project", project).build());
                if (!response.successful()) {
                    return failed(response, "project " + project + " not found or not visible to " + user);
                }
            }
        } catch (IOException e) {
            return new ConnectionCheck(Outcome.UNREACHABLE, "cannot reach " + config.baseUrl() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (JacksonException e) {
            return new ConnectionCheck(Outcome.SOURCE_ERROR, config.baseUrl() + " did not answer /myself with JSON; is it Jira?");
        }
        return ConnectionCheck.ok("authenticated as " + user + "; projects " + String.join(", ", config.projects())
                + " readable at " + config.baseUrl());
    }

    private ConnectionCheck failed(JiraResponse response, String notFound) {
        if (response.status() == 401) {
            return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "Jira rejected the "
                    + (config.deployment() == JiraDeployment.CLOUD ? "email and API token" : "personal access token"));
        }
        if (response.status() == 403) {
            return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "Jira refused access: "
                    + JiraErrorClassifier.jiraMessage(response.bodyText()));
        }
        if (response.status() == 404) {
            return new ConnectionCheck(Outcome.NOT_FOUND, notFound);
        }
        ConnectorException error = client.classifier().classify(response.status(), response.headers(),
                response.bodyText(), JiraResponse.endpoint(response.url()));
        if (error instanceof RateLimitedException limited) {
            return new ConnectionCheck(Outcome.RATE_LIMITED, "Jira rate limit reached; retry after " + limited.resetAt());
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
