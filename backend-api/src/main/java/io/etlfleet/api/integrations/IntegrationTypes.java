package io.etlfleet.api.integrations;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.queue.topology.QueueNames;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The integration types the API accepts and the entity types an extraction of each runs when
 * the request names none. A type is accepted when it is listed here and a connector serves it.
 * A JDBC integration's entity types are the table names its config lists, a CSV integration's
 * its {@code entity} (default {@value #CSV_DEFAULT_ENTITY}), a REST integration's its streams' names.
 */
public class IntegrationTypes {

    private static final String JDBC = "jdbc";
    private static final String CSV = "csv";
    private static final String REST = "rest";
    static final String CSV_DEFAULT_ENTITY = "rows";
    private static final Map<String, List<String>> ENTITY_TYPES = Map.of(
            "github", List.of("github_repositories", "github_issues", "github_pull_requests", "github_commits",
                    "github_issue_comments"),
            "jira", List.of("jira_projects", "jira_statuses", "jira_issues"),
            JDBC, List.of(),
            CSV, List.of(),
            REST, List.of());

    private final Connectors connectors;

    public IntegrationTypes(Connectors connectors) {
        this.connectors = connectors;
    }

    public List<String> supported() {
        return ENTITY_TYPES.keySet().stream().filter(connectors.types()::contains).sorted().toList();
    }

    /** Why {@code type} is not accepted, or null when it is. */
    public String refusal(String type) {
        if (supported().contains(type)) {
            return null;
        }
        if (QueueNames.INTEGRATION_TYPES.contains(type)) {
            return "'" + type + "' integrations are not supported yet; supported: " + String.join(", ", supported());
        }
        return "must be one of " + String.join(", ", supported());
    }

    /** Entity types of an integration of {@code type} with {@code config}, in the order a full extraction runs them. */
    public List<String> entityTypes(String type, JsonNode config) {
        if (JDBC.equals(type)) {
            List<String> tables = new java.util.ArrayList<>();
            config.path("tables").forEach(table -> tables.add(table.path("name").asString()));
            return tables;
        }
        if (CSV.equals(type)) {
            String entity = config.path("entity").asString("");
            return List.of(entity.isEmpty() ? CSV_DEFAULT_ENTITY : entity);
        }
        if (REST.equals(type)) {
            List<String> streams = new java.util.ArrayList<>();
            config.path("streams").forEach(stream -> streams.add(stream.path("name").asString()));
            return streams;
        }
        return ENTITY_TYPES.getOrDefault(type, List.of());
    }

    /**
     * Checks config and credentials with the type's connector, without calling the source.
     *
     * @throws ApiException 400 naming the offending field, e.g. {@code config.repositories[0]}
     */
    public void validate(String type, JsonNode config, Map<String, String> credentials) {
        try {
            connectors.factory(type).validate(new ConnectorSettings("new", config, credentials));
        } catch (InvalidConfigException e) {
            String prefix = e.field() + ": ";
            String message = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw ApiException.badRequest(e.field(), message);
        }
    }
}
