package io.etlfleet.runtime.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerTypeCountsTest {

    private static final String VARIABLE = "ETL_EXTRACT_CONCURRENCY";

    @Test
    void readsEveryEntryInOrderWhateverTheProcessConsumes() {
        assertThat(PerTypeCounts.parse("github=2,jira=1, JDBC = 3 ,", VARIABLE))
                .containsExactly(Map.entry("github", 2), Map.entry("jira", 1), Map.entry("jdbc", 3));
    }

    @Test
    void readsNothingFromAnEmptyValue() {
        assertThat(PerTypeCounts.parse(null, VARIABLE)).isEmpty();
        assertThat(PerTypeCounts.parse("  ", VARIABLE)).isEmpty();
        assertThat(PerTypeCounts.parse(",,", VARIABLE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"github=x", "github", "=2", "github=0", "github=-1", "github=1.5", "github=2=3",
            "github=", "jira=1,github=99999999999"})
    void refusesAMalformedEntryNamingTheVariableAndTheEntry(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> PerTypeCounts.parse(value, VARIABLE))
                .withMessageStartingWith(VARIABLE + ": '")
                .withMessageContaining("is not type=N");
    }

    @Test
    void refusesANameThatIsNoIntegrationTypeSoATypoIsNotIgnored() {
        assertThatIllegalArgumentException().isThrownBy(() -> PerTypeCounts.parse("github=2,githb=1", VARIABLE))
                .withMessage(VARIABLE + ": unknown integration type 'githb', expected one of [github, jira, jdbc, csv, rest]");
    }

    @Test
    void refusesATypeNamedTwice() {
        assertThatIllegalArgumentException().isThrownBy(() -> PerTypeCounts.parse("github=2,GitHub=3", VARIABLE))
                .withMessage(VARIABLE + " names github more than once");
    }
}
