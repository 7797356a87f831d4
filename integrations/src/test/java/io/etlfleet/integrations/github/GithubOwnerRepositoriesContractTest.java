package io.etlfleet.integrations.github;

import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.sample.SampleSourceOptions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/** The connector contract for {@code github_repositories} of an organization ({@code /orgs/{org}/repos}, newest-updated first). */
class GithubOwnerRepositoriesContractTest extends GithubContractSupport {

    private static final String ORG = "bigorg";

    @Override
    protected String entityType() {
        return "github_repositories";
    }

    @Override
    protected String scope() {
        return ORG;
    }

    @Override
    protected ObjectNode config() {
        ObjectNode config = GithubFixtures.JSON.createObjectNode();
        config.put("base_url", source.githubBaseUrl());
        config.put("organization", ORG);
        return config;
    }

    @Override
    protected void givenRecords(int count) {
        source.github().generateRepositories(ORG, count);
    }

    @Override
    protected Set<String> changeRecords(int count) {
        List<String> names = names();
        Set<String> changed = new LinkedHashSet<>();
        for (int i = 1; i <= count; i++) {
            String name = names.get(i * 13);
            source.github().updateRepository(name);
            changed.add(name);
        }
        return changed;
    }

    @Override
    protected Set<String> expectedExternalIds() {
        return Set.copyOf(names());
    }

    @Override
    protected Connector connectorWithMissingScope() {
        ObjectNode config = config();
        config.put("organization", missingScope());
        return GithubFixtures.connector(config, SampleSourceOptions.DEFAULT_TOKEN, RecordingSleeper.instant());
    }

    @Override
    protected String missingScope() {
        return "no-such-org";
    }

    private List<String> names() {
        return source.github().repositories().stream().filter(name -> name.startsWith(ORG + "/"))
                .collect(Collectors.toList());
    }
}
