package io.etlfleet.sample.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders pull requests ({@code /pulls} schema), commits and issue comments in GitHub's REST
 * schema (API version 2022-11-28), next to {@link GithubJson}'s issues and users.
 */
final class ActivityJson {

    private final GithubJson json;
    private final String apiBase;
    private final String htmlBase;

    ActivityJson(GithubJson json, String apiBase, String htmlBase) {
        this.json = json;
        this.apiBase = apiBase;
        this.htmlBase = htmlBase;
    }

    /** A 40-hex sha derived from the repository and a sequence number, stable for a seed. */
    static String sha(String repository, long sequence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((repository + "#" + sequence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    byte[] pullBytes(GithubIssue pr, RepositoryState repo) {
        String repoUrl = json.repositoryUrl(pr.repository());
        String url = repoUrl + "/pulls/" + pr.number();
        String html = htmlBase + "/" + pr.repository() + "/pull/" + pr.number();
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("url", url);
        node.put("id", pr.id());
        node.put("node_id", GithubJson.nodeId("PR", pr.id()));
        node.put("html_url", html);
        node.put("diff_url", html + ".diff");
        node.put("patch_url", html + ".patch");
        node.put("issue_url", repoUrl + "/issues/" + pr.number());
        node.put("commits_url", url + "/commits");
        node.put("review_comments_url", url + "/comments");
        node.put("comments_url", repoUrl + "/issues/" + pr.number() + "/comments");
        node.put("number", pr.number());
        node.put("state", pr.state());
        node.put("locked", false);
        node.put("title", pr.title());
        node.set("user", json.user(pr.author()));
        node.put("body", pr.body());
        ArrayNode labels = node.putArray("labels");
        pr.labels().forEach(label -> labels.addObject().put("id", label.id()).put("name", label.name())
                .put("color", label.color()).put("default", label.isDefault()).put("description", label.description()));
        node.putNull("milestone");
        node.putNull("active_lock_reason");
        node.put("created_at", GithubJson.timestamp(pr.createdAt()));
        node.put("updated_at", GithubJson.timestamp(pr.updatedAt()));
        node.put("closed_at", GithubJson.timestamp(pr.closedAt()));
        node.put("merged_at", GithubJson.timestamp(pr.mergedAt()));
        node.put("merge_commit_sha", pr.mergedAt() == null ? null : sha(pr.repository(), -pr.number()));
        node.set("assignee", pr.assignee() == null ? null : json.user(pr.assignee()));
        ArrayNode assignees = node.putArray("assignees");
        if (pr.assignee() != null) {
            assignees.add(json.user(pr.assignee()));
        }
        node.putArray("requested_reviewers");
        node.putArray("requested_teams");
        node.set("head", ref(pr, repo, "feature/" + pr.number(), sha(pr.repository(), 1_000_000L + pr.number())));
        node.set("base", ref(pr, repo, "main", sha(pr.repository(), 0)));
        ObjectNode links = node.putObject("_links");
        links.putObject("self").put("href", url);
        links.putObject("html").put("href", html);
        links.putObject("issue").put("href", repoUrl + "/issues/" + pr.number());
        node.put("author_association", "MEMBER");
        node.putNull("auto_merge");
        node.put("draft", false);
        return GithubJson.bytes(node);
    }

    private ObjectNode ref(GithubIssue pr, RepositoryState repo, String branch, String sha) {
        String owner = pr.repository().split("/", 2)[0];
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("label", owner + ":" + branch);
        node.put("ref", branch);
        node.put("sha", sha);
        node.set("user", json.user(new GithubUser(owner, 10_000_000L + Math.abs(owner.hashCode() % 1_000_000))));
        ObjectNode repoNode = node.putObject("repo");
        repoNode.put("id", repo.id());
        repoNode.put("name", pr.repository().split("/", 2)[1]);
        repoNode.put("full_name", pr.repository());
        repoNode.put("url", json.repositoryUrl(pr.repository()));
        return node;
    }

    byte[] commitBytes(GithubCommit commit) {
        String repoUrl = json.repositoryUrl(commit.repository());
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("sha", commit.sha());
        node.put("node_id", "C_kwDO" + commit.sha().substring(0, 16));
        ObjectNode inner = node.putObject("commit");
        String email = commit.author().login() + "@users.noreply.github.com";
        inner.putObject("author").put("name", commit.author().login()).put("email", email)
                .put("date", GithubJson.timestamp(commit.committedAt()));
        inner.putObject("committer").put("name", commit.author().login()).put("email", email)
                .put("date", GithubJson.timestamp(commit.committedAt()));
        inner.put("message", commit.message());
        inner.putObject("tree").put("sha", sha(commit.repository(), commit.sha().hashCode()))
                .put("url", repoUrl + "/git/trees/" + sha(commit.repository(), commit.sha().hashCode()));
        inner.put("url", repoUrl + "/git/commits/" + commit.sha());
        inner.put("comment_count", 0);
        inner.putObject("verification").put("verified", false).put("reason", "unsigned").putNull("signature")
                .putNull("payload").putNull("verified_at");
        node.put("url", repoUrl + "/commits/" + commit.sha());
        node.put("html_url", htmlBase + "/" + commit.repository() + "/commit/" + commit.sha());
        node.put("comments_url", repoUrl + "/commits/" + commit.sha() + "/comments");
        node.set("author", json.user(commit.author()));
        node.set("committer", json.user(commit.author()));
        ArrayNode parents = node.putArray("parents");
        if (commit.parentSha() != null) {
            parents.addObject().put("sha", commit.parentSha()).put("url", repoUrl + "/commits/" + commit.parentSha())
                    .put("html_url", htmlBase + "/" + commit.repository() + "/commit/" + commit.parentSha());
        }
        return GithubJson.bytes(node);
    }

    byte[] commentBytes(GithubComment comment, boolean onPullRequest) {
        String repoUrl = json.repositoryUrl(comment.repository());
        ObjectNode node = GithubJson.MAPPER.createObjectNode();
        node.put("url", repoUrl + "/issues/comments/" + comment.id());
        node.put("html_url", htmlBase + "/" + comment.repository() + (onPullRequest ? "/pull/" : "/issues/")
                + comment.issueNumber() + "#issuecomment-" + comment.id());
        node.put("issue_url", repoUrl + "/issues/" + comment.issueNumber());
        node.put("id", comment.id());
        node.put("node_id", GithubJson.nodeId("IC", comment.id()));
        node.set("user", json.user(comment.author()));
        node.put("created_at", GithubJson.timestamp(comment.createdAt()));
        node.put("updated_at", GithubJson.timestamp(comment.updatedAt()));
        node.put("author_association", "MEMBER");
        node.put("body", comment.body());
        ObjectNode reactions = node.putObject("reactions");
        reactions.put("url", repoUrl + "/issues/comments/" + comment.id() + "/reactions");
        reactions.put("total_count", 0);
        node.putNull("performed_via_github_app");
        return GithubJson.bytes(node);
    }
}
