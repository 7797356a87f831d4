package io.etlfleet.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class WorkerTypesTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(WorkerTypes.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        logger.detachAppender(logged);
    }

    @Test
    void ignoresConcurrencyForTypesTheProcessDoesNotConsumeAndSaysSoOnce() {
        WorkerTypes types = parse("github", "github=2,jira=1,jdbc=4");

        assertThat(types.types()).containsExactly("github");
        assertThat(types.concurrencyOf("github")).isEqualTo(2);
        assertThat(logged.list).hasSize(1);
        assertThat(logged.list.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(logged.list.get(0).getFormattedMessage()).isEqualTo(
                "ETL_EXTRACT_CONCURRENCY: ignoring jira=1,jdbc=4: this process consumes only [github] (ETL_EXTRACT_TYPES)");
    }

    @Test
    void givesTypesWithoutAnEntryTheDefaultAndLogsNothingWhenNothingIsIgnored() {
        WorkerTypes types = parse("github,jira", "jira=3");

        assertThat(types.concurrency()).isEqualTo(Map.of("github", 1, "jira", 3));
        assertThat(logged.list).isEmpty();
    }

    @Test
    void consumesEveryTypeWhenTypesAreEmpty() {
        assertThat(parse("", "jdbc=2").types()).containsExactly("github", "jira", "jdbc", "csv", "rest");
        assertThat(parse(null, null).concurrency())
                .isEqualTo(Map.of("github", 1, "jira", 1, "jdbc", 1, "csv", 1, "rest", 1));
    }

    @Test
    void stillRefusesAMalformedEntryForATypeTheProcessDoesNotConsume() {
        for (String spec : List.of("github=2,jira=x", "github=2,jira", "github=2,=1", "github=2,jira=0", "github=2,jiraa=1")) {
            assertThatIllegalArgumentException().as(spec).isThrownBy(() -> parse("github", spec))
                    .withMessageStartingWith("ETL_EXTRACT_CONCURRENCY");
        }
    }

    @Test
    void refusesUnknownOrNoTypes() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("github,gitlab", null))
                .withMessage("ETL_EXTRACT_TYPES: unknown integration type 'gitlab', expected one of [github, jira, jdbc, csv, rest]");
        assertThatIllegalArgumentException().isThrownBy(() -> parse(" , ", null))
                .withMessageStartingWith("ETL_EXTRACT_TYPES names no integration type");
    }

    private static WorkerTypes parse(String types, String concurrency) {
        return WorkerTypes.parse(types, concurrency, 1, "ETL_EXTRACT_TYPES", "ETL_EXTRACT_CONCURRENCY");
    }
}
