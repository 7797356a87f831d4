package io.etlfleet.integrations.github;

import io.etlfleet.sample.github.GithubIssue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The connector contract for GitHub pull requests ({@code /pulls}, no {@code since}: stops at the cursor). */
class GithubPullRequestsContractTest extends GithubContractSupport {

    @Override
    protected String entityType() {
        return "github_pull_requests";
    }

    @Override
    protected void givenRecords(int count) {
        // Every number a pull request, plus a few issues the pull request list must not show.
        source.github().generateIssues(REPO, count, 1);
        source.github().generateIssues(REPO, 7, 0);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 1; i <= count; i++) {
            int number = source.github().pullRequests(REPO).get(i * 7).number();
            source.github().updateIssue(REPO, number, "Changed pull request " + i);
            changed.add(REPO + "#" + number);
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.github().pullRequests(REPO).stream().map(GithubIssue::number).map(n -> REPO + "#" + n)
                .collect(Collectors.toSet());
    }
}
