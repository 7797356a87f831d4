package io.etlfleet.integrations.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A large table streams page by page: the connector hands over bounded pages as it reads,
 * never the whole table at once. Proof that it reads lazily: a row inserted after the first
 * page was handed over still arrives in the same run.
 */
class PostgresStreamingIT {

    private static final int ROWS = 200_000;
    private static final int PAGE_SIZE = 5_000;
    private static TestDatabase database;
    private static JdbcSource source;

    @BeforeAll
    static void generateRows() {
        database = TestServices.postgres().createEmptyDatabase("jdbc_streaming");
        source = new JdbcSource(database.url(), database.user(), database.password(), "set time zone 'UTC'", "big", "");
        source.execute("create table big (id bigint primary key, name text not null, updated_at timestamptz not null)");
        source.execute("""
                insert into big select n, 'row ' || n, timestamptz '2024-01-01 00:00:00Z' + (n / 100) * interval '1 second'
                  from generate_series(1, ?) as n""", ROWS);
    }

    @AfterAll
    static void dropSource() {
        database.close();
    }

    @Test
    void streamsTwoHundredThousandRowsInBoundedPagesAsItReadsThem() {
        PageSizes sink = new PageSizes(() -> source.execute(
                "insert into big values (?, 'added while reading', timestamptz '2030-01-01 00:00:00Z')", ROWS + 1L));

        try (Connector connector = source.connector(source.config(Map.of("name", "big", "cursor", new String[] {"updated_at"},
                "key", new String[] {"id"}), Map.of("page_size", PAGE_SIZE, "fetch_size", 1_000)), source.user(), source.password())) {
            connector.extract(new ExtractRequest("big", "", SyncMode.FULL, Map.of(), Map.of(), Instant.now()), sink);
        }

        assertThat(sink.sizes).hasSize(ROWS / PAGE_SIZE + 1).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(PAGE_SIZE));
        assertThat(sink.sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(ROWS + 1);
        assertThat(sink.lastExternalId).isEqualTo(Integer.toString(ROWS + 1));
    }

    /** Keeps only each page's size and the last record's id, never the records. */
    private static final class PageSizes implements PageSink {

        private final Runnable afterFirstPage;
        private final List<Integer> sizes = new ArrayList<>();
        private String lastExternalId;

        PageSizes(Runnable afterFirstPage) {
            this.afterFirstPage = afterFirstPage;
        }

        @Override
        public void accept(Page page) {
            sizes.add(page.records().size());
            if (!page.records().isEmpty()) {
                lastExternalId = page.records().get(page.records().size() - 1).externalId();
            }
            if (sizes.size() == 1) {
                afterFirstPage.run();
            }
        }
    }
}
