package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiResponse;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /repos/{owner}/{repo}}, {@code GET /user} and {@code GET /rate_limit} bodies. */
final class Resources {

    private Resources() {
    }

    static ObjectNode repository(GithubSample sample, RepositoryState repo) {
        GithubJson json = sample.json();
        String[] parts = repo.fullName().split("/", 2);
        GithubUser owner = new GithubUser(parts[0], 10_000_000L + Math.abs(parts[0].hashCode() % 1_000_000));
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("id", repo.id());
        node.put("node_id", GithubJson.nodeId("R", repo.id()));
        node.put("name", parts[1]);
        node.put("full_name", repo.fullName());
        node.put("private", true);
        ObjectNode ownerNode = json.user(owner);
        ownerNode.put("type", "Organization");
        node.set("owner", ownerNode);
        String url = json.repositoryUrl(repo.fullName());
        node.put("description", "Sample repository " + repo.fullName());
        node.put("fork", false);
        node.put("url", url);
        node.put("issues_url", url + "/issues{/number}");
        node.put("pulls_url", url + "/pulls{/number}");
        node.put("commits_url", url + "/commits{/sha}");
        GithubCommit lastCommit = repo.lastCommit();
        Instant pushed = lastCommit == null ? repo.lastUpdated() : lastCommit.committedAt();
        node.put("created_at", GithubJson.timestamp(repo.createdAt()));
        node.put("updated_at", GithubJson.timestamp(repo.updatedAt()));
        node.put("pushed_at", GithubJson.timestamp(pushed));
        node.put("has_issues", true);
        node.put("archived", false);
        node.put("disabled", false);
        node.put("open_issues_count", repo.openIssues());
        node.put("visibility", "private");
        node.put("default_branch", "main");
        ObjectNode permissions = node.putObject("permissions");
        permissions.put("admin", false);
        permissions.put("maintain", false);
        permissions.put("push", true);
        permissions.put("triage", true);
        permissions.put("pull", true);
        return node;
    }

    /** {@code GET /orgs/{org}} or {@code GET /users/{user}} for a sample owner (an organization). */
    static ObjectNode owner(GithubSample sample, String login, boolean organization) {
        String name = sample.ownedBy(login).get(0).fullName().split("/", 2)[0];
        GithubUser user = new GithubUser(name, 10_000_000L + Math.abs(name.hashCode() % 1_000_000));
        ObjectNode node = sample.json().user(user);
        node.put("type", "Organization");
        if (organization) {
            node.put("repos_url", sample.json().apiBase() + "/orgs/" + name + "/repos");
        }
        node.put("public_repos", sample.ownedBy(login).size());
        node.put("created_at", "2020-01-01T00:00:00Z");
        node.put("updated_at", "2020-01-01T00:00:00Z");
        return node;
    }

    static ObjectNode authenticatedUser(GithubSample sample) {
        ObjectNode node = sample.json().user(sample.tokenOwner());
        node.put("name", "etl-fleet sample user");
        node.putNull("company");
        node.put("created_at", "2020-01-01T00:00:00Z");
        node.put("updated_at", "2020-01-01T00:00:00Z");
        return node;
    }

    static ApiResponse rateLimit(RateLimitBudget.Snapshot core) {
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        ObjectNode resources = node.putObject("resources");
        resources.set("core", limit(core));
        resources.set("search", limit(new RateLimitBudget.Snapshot(30, 0, core.resetEpochSecond())));
        resources.set("graphql", limit(new RateLimitBudget.Snapshot(5000, 0, core.resetEpochSecond())));
        node.set("rate", limit(core));
        return ApiResponse.json(200, GithubJson.bytes(node));
    }

    private static ObjectNode limit(RateLimitBudget.Snapshot snapshot) {
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("limit", snapshot.limit());
        node.put("used", snapshot.used());
        node.put("remaining", snapshot.remaining());
        node.put("reset", snapshot.resetEpochSecond());
        return node;
    }
}
