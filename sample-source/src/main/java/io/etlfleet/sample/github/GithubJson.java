package io.etlfleet.sample.github;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders the fake's objects in GitHub's REST schema (API version 2022-11-28): field names,
 * URL templates and {@code YYYY-MM-DDTHH:MM:SSZ} timestamps as api.github.com sends them.
 */
final class GithubJson {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String apiBase;
    private final String htmlBase;

    /** @param apiBase e.g. {@code http://127.0.0.1:8089} or {@code https://ghe.example/api/v3} */
    GithubJson(String apiBase, String htmlBase) {
        this.apiBase = apiBase;
        this.htmlBase = htmlBase;
    }

    String apiBase() {
        return apiBase;
    }

    String htmlBase() {
        return htmlBase;
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String nodeId(String prefix, long id) {
        byte[] bytes = ByteBuffer.allocate(Long.BYTES).putLong(id).array();
        return prefix + "_kwDO" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] issueBytes(GithubIssue issue) {
        return MAPPER.writeValueAsBytes(issue(issue));
    }

    String repositoryUrl(String fullName) {
        return apiBase + "/repos/" + fullName;
    }

    ObjectNode issue(GithubIssue issue) {
        String repoUrl = repositoryUrl(issue.repository());
        String url = repoUrl + "/issues/" + issue.number();
        String html = htmlBase + "/" + issue.repository() + (issue.pullRequest() ? "/pull/" : "/issues/") + issue.number();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("url", url);
        node.put("repository_url", repoUrl);
        node.put("labels_url", url + "/labels{/name}");
        node.put("comments_url", url + "/comments");
        node.put("events_url", url + "/events");
        node.put("html_url", html);
        node.put("id", issue.id());
        node.put("node_id", nodeId(issue.pullRequest() ? "PR" : "I", issue.id()));
        node.put("number", issue.number());
        node.put("title", issue.title());
        node.set("user", user(issue.author()));
        ArrayNode labels = node.putArray("labels");
        issue.labels().forEach(label -> labels.add(label(issue.repository(), label)));
        node.put("state", issue.state());
        node.put("locked", false);
        node.set("assignee", issue.assignee() == null ? null : user(issue.assignee()));
        ArrayNode assignees = node.putArray("assignees");
        if (issue.assignee() != null) {
            assignees.add(user(issue.assignee()));
        }
        node.putNull("milestone");
        node.put("comments", issue.comments());
        node.put("created_at", timestamp(issue.createdAt()));
        node.put("updated_at", timestamp(issue.updatedAt()));
        node.put("closed_at", timestamp(issue.closedAt()));
        node.put("author_association", "MEMBER");
        node.putNull("type");
        node.putNull("active_lock_reason");
        if (issue.pullRequest()) {
            node.put("draft", false);
            ObjectNode pr = node.putObject("pull_request");
            pr.put("url", repoUrl + "/pulls/" + issue.number());
            pr.put("html_url", html);
            pr.put("diff_url", html + ".diff");
            pr.put("patch_url", html + ".patch");
            pr.put("merged_at", timestamp(issue.mergedAt()));
        }
        node.put("body", issue.body());
        node.set("reactions", reactions(url, issue.comments()));
        node.put("timeline_url", url + "/timeline");
        node.putNull("performed_via_github_app");
        node.put("state_reason", issue.stateReason());
        return node;
    }

    ObjectNode user(GithubUser user) {
        String url = apiBase + "/users/" + user.login();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("login", user.login());
        node.put("id", user.id());
        node.put("node_id", nodeId("U", user.id()));
        node.put("avatar_url", htmlBase + "/avatars/u/" + user.id() + "?v=4");
        node.put("gravatar_id", "");
        node.put("url", url);
        node.put("html_url", htmlBase + "/" + user.login());
        node.put("followers_url", url + "/followers");
        node.put("following_url", url + "/following{/other_user}");
        node.put("gists_url", url + "/gists{/gist_id}");
        node.put("starred_url", url + "/starred{/owner}{/repo}");
        node.put("subscriptions_url", url + "/subscriptions");
        node.put("organizations_url", url + "/orgs");
        node.put("repos_url", url + "/repos");
        node.put("events_url", url + "/events{/privacy}");
        node.put("received_events_url", url + "/received_events");
        node.put("type", "User");
        node.put("user_view_type", "public");
        node.put("site_admin", false);
        return node;
    }

    private ObjectNode label(String repository, GithubLabel label) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", label.id());
        node.put("node_id", nodeId("LA", label.id()));
        node.put("url", apiBase + "/repos/" + repository + "/labels/" + label.name().replace(" ", "%20"));
        node.put("name", label.name());
        node.put("color", label.color());
        node.put("default", label.isDefault());
        node.put("description", label.description());
        return node;
    }

    private static ObjectNode reactions(String issueUrl, int seed) {
        ObjectNode node = MAPPER.createObjectNode();
        int thumbsUp = seed % 4;
        int heart = seed % 3 == 0 ? 1 : 0;
        node.put("url", issueUrl + "/reactions");
        node.put("total_count", thumbsUp + heart);
        node.put("+1", thumbsUp);
        node.put("-1", 0);
        node.put("laugh", 0);
        node.put("hooray", 0);
        node.put("confused", 0);
        node.put("heart", heart);
        node.put("rocket", 0);
        node.put("eyes", 0);
        return node;
    }

    /** GitHub's error body, e.g. {@code {"message":"Not Found","documentation_url":...,"status":"404"}}. */
    static byte[] error(int status, String message, String documentationUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("message", message);
        node.put("documentation_url", documentationUrl);
        node.put("status", Integer.toString(status));
        return MAPPER.writeValueAsBytes(node);
    }

    /** GitHub's 301 body for a repository that moved: {@code {"message":"Moved Permanently","url":...}}. */
    static byte[] moved(String location) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("message", "Moved Permanently");
        node.put("url", location);
        node.put("documentation_url", "https://docs.github.com/v3/#http-redirects");
        return MAPPER.writeValueAsBytes(node);
    }

    /** GitHub's 422 body for a query parameter with an invalid value. */
    static byte[] validationFailed(String resource, String field, String value, String documentationUrl) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("message", "Validation Failed");
        ObjectNode error = node.putArray("errors").addObject();
        error.put("value", value);
        error.put("resource", resource);
        error.put("field", field);
        error.put("code", "invalid");
        node.put("documentation_url", documentationUrl);
        node.put("status", "422");
        return MAPPER.writeValueAsBytes(node);
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }
}
