package io.etlfleet.integrations.github;

import java.time.Instant;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub list endpoints the connector pages through, and how each is read: its first URL,
 * whether it is paged as a keyset ({@code since} and oldest change first, see
 * {@link ListingExtraction}) or by offset newest first, whether the connector stops once that
 * order reaches items older than the cursor, each item's external id and change time.
 */
enum GithubListing {

    /** {@code GET /repos/{o}/{r}/issues?state=all&per_page=100&sort=updated&direction=asc[&since=]}, a keyset; pull requests skipped. */
    ISSUES("github_issues", "updated_at", false, true) {
        @Override
        HttpUrl firstUrl(GithubClient client, String scope, Instant since) {
            HttpUrl.Builder url = client.repositoryUrl(scope, "issues").newBuilder()
                    .addQueryParameter("state", "all").addQueryParameter("per_page", "100")
                    .addQueryParameter("sort", "updated").addQueryParameter("direction", "asc");
            return since(url, since).build();
        }

        @Override
        String externalId(String scope, JsonNode item) {
            return item.has("pull_request") ? null : scope + "#" + text(item, "number");
        }
    },

    /** {@code GET /repos/{o}/{r}/pulls?state=all&sort=updated&direction=desc&per_page=100}: no {@code since}, so stop at the cursor. */
    PULL_REQUESTS("github_pull_requests", "updated_at", true, false) {
        @Override
        HttpUrl firstUrl(GithubClient client, String scope, Instant since) {
            return client.repositoryUrl(scope, "pulls").newBuilder()
                    .addQueryParameter("state", "all").addQueryParameter("sort", "updated")
                    .addQueryParameter("direction", "desc").addQueryParameter("per_page", "100").build();
        }

        @Override
        String externalId(String scope, JsonNode item) {
            return scope + "#" + text(item, "number");
        }
    },

    /** {@code GET /repos/{o}/{r}/commits?[since=&]per_page=100}: the default branch, newest first; changed at = committer date. */
    COMMITS("github_commits", "committed_at", false, false) {
        @Override
        HttpUrl firstUrl(GithubClient client, String scope, Instant since) {
            HttpUrl.Builder url = since(client.repositoryUrl(scope, "commits").newBuilder(), since);
            return url.addQueryParameter("per_page", "100").build();
        }

        @Override
        String externalId(String scope, JsonNode item) {
            return text(item, "sha");
        }

        @Override
        Instant changedAt(JsonNode item) {
            JsonNode commit = item.path("commit");
            Instant committed = Watermark.parse(text(commit.path("committer"), "date"));
            return committed != null ? committed : Watermark.parse(text(commit.path("author"), "date"));
        }
    },

    /** {@code GET /repos/{o}/{r}/issues/comments?[since=&]sort=updated&direction=asc&per_page=100}, a keyset: issue and pull request conversation comments. */
    ISSUE_COMMENTS("github_issue_comments", "updated_at", false, true) {
        @Override
        HttpUrl firstUrl(GithubClient client, String scope, Instant since) {
            HttpUrl.Builder url = since(client.repositoryUrl(scope, "issues", "comments").newBuilder(), since);
            return url.addQueryParameter("sort", "updated").addQueryParameter("direction", "asc")
                    .addQueryParameter("per_page", "100").build();
        }

        @Override
        String externalId(String scope, JsonNode item) {
            return text(item, "id");
        }
    },

    /** {@code GET /orgs/{org}/repos?type=all} or {@code /users/{user}/repos?type=owner}, {@code &sort=updated&direction=desc&per_page=100}. */
    OWNER_REPOSITORIES("github_repositories", "updated_at", true, false) {
        @Override
        HttpUrl firstUrl(GithubClient client, String scope, Instant since) {
            GithubConfig.Owner owner = client.config().owner();
            return client.ownerUrl(owner, "repos").newBuilder()
                    .addQueryParameter("type", owner.organization() ? "all" : "owner")
                    .addQueryParameter("sort", "updated").addQueryParameter("direction", "desc")
                    .addQueryParameter("per_page", "100").build();
        }

        @Override
        String externalId(String scope, JsonNode item) {
            return text(item, "full_name");
        }
    };

    private final String entity;
    private final String cursorKey;
    private final boolean stopsAtCursor;
    private final boolean keyset;

    GithubListing(String entity, String cursorKey, boolean stopsAtCursor, boolean keyset) {
        this.entity = entity;
        this.cursorKey = cursorKey;
        this.stopsAtCursor = stopsAtCursor;
        this.keyset = keyset;
    }

    /** @param since the cursor minus the overlap in an incremental run with a cursor; otherwise null */
    abstract HttpUrl firstUrl(GithubClient client, String scope, Instant since);

    /** The record's external id, or null for an item this entity skips. */
    abstract String externalId(String scope, JsonNode item);

    Instant changedAt(JsonNode item) {
        return Watermark.parse(text(item, "updated_at"));
    }

    String entity() {
        return entity;
    }

    String cursorKey() {
        return cursorKey;
    }

    /** True when the endpoint has no {@code since}: newest first, the run stops at items older than it. */
    boolean stopsAtCursor() {
        return stopsAtCursor;
    }

    /** True when each page is asked for as {@code since} the last change time read, oldest change first. */
    boolean keyset() {
        return keyset;
    }

    static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private static HttpUrl.Builder since(HttpUrl.Builder url, Instant since) {
        // Sent unescaped, as GitHub documents it (YYYY-MM-DDTHH:MM:SSZ); every character is query-safe.
        return since == null ? url : url.addEncodedQueryParameter("since", Watermark.format(since));
    }
}
