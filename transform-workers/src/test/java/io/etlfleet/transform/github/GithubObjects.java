package io.etlfleet.transform.github;

import io.etlfleet.storage.JsonColumns;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test-data builders for GitHub REST objects, each starting from a golden file under
 * {@code src/test/resources/github/} shaped like the API's response item (the documented
 * {@code octocat/Hello-World} examples).
 */
final class GithubObjects {

    static final String FIXTURE_REPOSITORY = "octocat/Hello-World";

    private ObjectNode object;

    private GithubObjects(String fixture) {
        try (InputStream in = GithubObjects.class.getResourceAsStream("/github/" + fixture)) {
            if (in == null) {
                throw new IllegalStateException("no fixture github/" + fixture);
            }
            object = (ObjectNode) JsonColumns.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item of {@code GET /repos/{owner}/{repo}/pulls}: #1347, closed and merged. */
    static GithubObjects aGithubPullRequest() {
        return new GithubObjects("pull-request.json");
    }

    /** An item of {@code GET /repos/{owner}/{repo}/commits}. */
    static GithubObjects aGithubCommit() {
        return new GithubObjects("commit.json");
    }

    /** An item of {@code GET /repos/{owner}/{repo}/issues/comments}: comment 1 on issue #1347. */
    static GithubObjects aGithubIssueComment() {
        return new GithubObjects("issue-comment.json");
    }

    /** An item of {@code GET /orgs/{org}/repos}. */
    static GithubObjects aGithubRepository() {
        return new GithubObjects("repository.json");
    }

    /** Moves the object to another repository: every URL and name that mentions the fixture's. */
    GithubObjects inRepository(String fullName) {
        return replacing(FIXTURE_REPOSITORY, fullName);
    }

    /** Renumbers the pull request or the comment's issue (every {@code /1347} in its URLs). */
    GithubObjects number(int number) {
        replacing("/1347", "/" + number);
        if (object.has("number")) {
            object.put("number", number);
        }
        return this;
    }

    GithubObjects sha(String sha) {
        return replacing(object.path("sha").asString(), sha);
    }

    /** Sets a value at a dotted path, e.g. {@code with("commit.committer.date", "...")}; null writes JSON null. */
    GithubObjects with(String path, Object value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? object : (ObjectNode) object.at("/" + path.substring(0, dot).replace('.', '/'));
        String field = path.substring(dot + 1);
        parent.set(field, JsonColumns.MAPPER.valueToTree(value));
        return this;
    }

    GithubObjects without(String path) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0 ? object : (ObjectNode) object.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.remove(path.substring(dot + 1));
        return this;
    }

    ObjectNode build() {
        return object.deepCopy();
    }

    private GithubObjects replacing(String from, String to) {
        object = (ObjectNode) replace(object, from, to);
        return this;
    }

    private static JsonNode replace(JsonNode node, String from, String to) {
        if (node.isString()) {
            return JsonColumns.MAPPER.getNodeFactory().stringNode(node.asString().replace(from, to));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonColumns.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), replace(field.getValue(), from, to));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonColumns.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(replace(item, from, to)));
            return copy;
        }
        return node;
    }
}
