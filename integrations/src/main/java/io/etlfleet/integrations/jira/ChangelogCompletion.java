package io.etlfleet.integrations.jira;

import io.etlfleet.integrations.spi.ConnectorException;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Completes an issue's changelog when search embedded only part of it ({@code total} larger
 * than the histories given; Cloud embeds at most 100). Cloud pages
 * {@code GET /rest/api/3/issue/{key}/changelog?startAt=&maxResults=100} (oldest first) until
 * {@code isLast}; Data Center, which has no changelog endpoint, reads
 * {@code GET /rest/api/2/issue/{key}?fields=updated&expand=changelog}, whose changelog is complete.
 * The issue's {@code changelog} is replaced with every history, so the raw object is whole.
 */
final class ChangelogCompletion {

    static final int CHANGELOG_PAGE = 100;

    private final JiraClient client;

    ChangelogCompletion(JiraClient client) {
        this.client = client;
    }

    /** @return whether the changelog had to be completed */
    boolean complete(ObjectNode issue) {
        JsonNode changelog = issue.get("changelog");
        if (changelog == null || !changelog.isObject() || !changelog.path("histories").isArray()) {
            return false;
        }
        int given = changelog.get("histories").size();
        if (changelog.path("total").asInt(given) <= given) {
            return false;
        }
        String key = issue.path("key").asString();
        ArrayNode histories = client.config().deployment() == JiraDeployment.CLOUD ? paged(key) : fromIssue(key);
        ObjectNode complete = issue.putObject("changelog");
        complete.put("startAt", 0);
        complete.put("maxResults", histories.size());
        complete.put("total", histories.size());
        complete.set("histories", histories);
        return true;
    }

    private ArrayNode paged(String key) {
        ArrayNode histories = JsonNodeFactory.instance.arrayNode();
        int startAt = 0;
        while (true) {
            HttpUrl url = client.api("issue", key, "changelog")
                    .addQueryParameter("startAt", Integer.toString(startAt))
                    .addQueryParameter("maxResults", Integer.toString(CHANGELOG_PAGE)).build();
            JsonNode page = client.get(url).body();
            JsonNode values = page.path("values");
            values.forEach(histories::add);
            startAt += values.size();
            // isLast when Jira sends it; otherwise the position against total (never stop early on a missing flag)
            boolean last = page.path("isLast").isBoolean() ? page.path("isLast").asBoolean()
                    : startAt >= page.path("total").asInt(0);
            if (last || values.isEmpty()) {
                return histories;
            }
        }
    }

    private ArrayNode fromIssue(String key) {
        HttpUrl url = client.api("issue", key)
                .addQueryParameter("fields", "updated")
                .addQueryParameter("expand", "changelog").build();
        JsonNode histories = client.get(url).body().path("changelog").path("histories");
        if (!histories.isArray()) {
            throw new ConnectorException("Jira returned issue " + key + " without its changelog for GET "
                    + JiraResponse.endpoint(url));
        }
        return (ArrayNode) histories;
    }
}
