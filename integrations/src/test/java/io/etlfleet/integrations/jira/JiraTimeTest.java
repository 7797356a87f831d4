package io.etlfleet.integrations.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JiraTimeTest {

    @Test
    void readsJirasTimestampFormatWithItsOffset() {
        assertThat(JiraTime.parse("2024-01-01T10:00:00.000+0000")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(JiraTime.parse("2024-01-01T10:00:00.123-0530")).isEqualTo(Instant.parse("2024-01-01T15:30:00.123Z"));
    }

    @Test
    void readsIsoOffsetsTooAndRefusesZonelessText() {
        assertThat(JiraTime.parse("2024-01-01T10:00:00+01:00")).isEqualTo(Instant.parse("2024-01-01T09:00:00Z"));
        assertThat(JiraTime.parse("2024-01-01T10:00:00.000Z")).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(JiraTime.parse("2024-01-01T10:00:00.000")).isNull();
        assertThat(JiraTime.parse(null)).isNull();
    }
}
