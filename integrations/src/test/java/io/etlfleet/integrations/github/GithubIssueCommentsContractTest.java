package io.etlfleet.integrations.github;

import io.etlfleet.sample.github.GithubComment;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The connector contract for a repository's issue and pull request comments (oldest-updated first). */
class GithubIssueCommentsContractTest extends GithubContractSupport {

    @Override
    protected String entityType() {
        return "github_issue_comments";
    }

    @Override
    protected void givenRecords(int count) {
        source.github().generateIssues(REPO, 12, 4);
        source.github().generateComments(REPO, count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        List<GithubComment> comments = source.github().comments(REPO);
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 1; i <= count; i++) {
            GithubComment comment = comments.get(i * 11);
            source.github().updateComment(REPO, comment.id(), "Edited comment " + i);
            changed.add(Long.toString(comment.id()));
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.github().comments(REPO).stream().map(c -> Long.toString(c.id())).collect(Collectors.toSet());
    }
}
