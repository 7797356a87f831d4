package io.etlfleet.storage.etags;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.storage.Fixtures;
import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class EtagRepositoryIT {

    private static TestDatabase database;
    private static Jdbi jdbi;

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("http_etags");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void keepsTheLatestEtagPerIntegrationAndUrl() {
        EtagRepository etags = new EtagRepository(jdbi);
        UUID one = Fixtures.aGithubIntegration(jdbi).integrationId();
        UUID other = Fixtures.aGithubIntegration(jdbi).integrationId();
        String url = "https://api.github.com/repos/acme/widgets/pulls?state=all&page=2";

        etags.save(one, url, new EtagRepository.Entry("W/\"a\"", Map.of("items", "100")));
        etags.save(one, url, new EtagRepository.Entry("W/\"b\"", Map.of("items", "100", "next_url", url + "3")));

        assertThat(etags.find(one, url)).hasValueSatisfying(entry -> {
            assertThat(entry.etag()).isEqualTo("W/\"b\"");
            assertThat(entry.facts()).containsEntry("next_url", url + "3").containsEntry("items", "100");
        });
        assertThat(etags.find(other, url)).isEmpty();
        assertThat(etags.find(one, url + "&x=1")).isEmpty();
    }

    @Test
    void dropsEntriesUnusedForTheRetentionPeriodOnceAnHourPerIntegration() {
        EtagRepository etags = new EtagRepository(jdbi);
        UUID integration = Fixtures.aGithubIntegration(jdbi).integrationId();
        String stale = "https://api.github.com/repos/acme/widgets/issues?since=2024-01-01T00:00:00Z";
        insertUnusedFor(integration, stale, EtagRepository.RETENTION_DAYS + 1);

        etags.save(integration, stale + "&page=2", new EtagRepository.Entry("W/\"n\"", Map.of()));
        insertUnusedFor(integration, stale + "&page=3", EtagRepository.RETENTION_DAYS + 1);
        etags.save(integration, stale + "&page=4", new EtagRepository.Entry("W/\"m\"", Map.of()));

        assertThat(urls(integration)).containsExactlyInAnyOrder(stale + "&page=2", stale + "&page=3", stale + "&page=4");
    }

    private void insertUnusedFor(UUID integration, String url, int days) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into etl.http_etags (integration_id, url, etag, facts, updated_at)
                        values (:i, :url, 'W/"old"', '{}', now() - make_interval(days => :days))""")
                .bind("i", integration).bind("url", url).bind("days", days).execute());
    }

    private List<String> urls(UUID integration) {
        return jdbi.withHandle(h -> h.createQuery("select url from etl.http_etags where integration_id = :i")
                .bind("i", integration).mapTo(String.class).list());
    }
}
