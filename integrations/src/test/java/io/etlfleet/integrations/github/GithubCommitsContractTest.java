package io.etlfleet.integrations.github;

import io.etlfleet.sample.github.GithubCommit;
import java.util.Set;
import java.util.stream.Collectors;

/** The connector contract for GitHub commits ({@code since} = committer date). Commits never change: new ones arrive. */
class GithubCommitsContractTest extends GithubContractSupport {

    @Override
    protected String entityType() {
        return "github_commits";
    }

    @Override
    protected void givenRecords(int count) {
        source.github().generateCommits(REPO, count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        return source.github().generateCommits(REPO, count).stream().map(GithubCommit::sha).collect(Collectors.toSet());
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.github().commits(REPO).stream().map(GithubCommit::sha).collect(Collectors.toSet());
    }
}
