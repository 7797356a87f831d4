package io.etlfleet.integrations.github;

import io.etlfleet.sample.github.GithubIssue;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The connector contract for GitHub issues, against the sample source over real HTTP. */
class GithubConnectorContractTest extends GithubContractSupport {

    @Override
    protected String entityType() {
        return "github_issues";
    }

    @Override
    protected void givenRecords(int count) {
        source.github().generateIssues(REPO, count, 0);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        Set<String> changed = new LinkedHashSet<>();
        for (int number = 1; number <= count; number++) {
            source.github().updateIssue(REPO, number * 3, "Changed title " + number);
            changed.add(REPO + "#" + number * 3);
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return source.github().issues(REPO).stream().map(GithubIssue::number).map(n -> REPO + "#" + n)
                .collect(Collectors.toSet());
    }
}
