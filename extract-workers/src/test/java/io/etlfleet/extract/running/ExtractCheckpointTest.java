package io.etlfleet.extract.running;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractCheckpointTest {

    private static final List<String> SCOPES = List.of("acme/a", "acme/b", "acme/c");

    @Test
    void readsEachScopesPositionAndWhichAreDone() {
        ExtractCheckpoint checkpoint = ExtractCheckpoint.parse("""
                {"scopes":{"acme/a":{"done":true},"acme/b":{"resume":{"next_url":"https://x/2"}}}}""", SCOPES);

        assertThat(checkpoint.done("acme/a")).isTrue();
        assertThat(checkpoint.done("acme/b")).isFalse();
        assertThat(checkpoint.resume("acme/b")).containsEntry("next_url", "https://x/2");
        assertThat(checkpoint.resume("acme/c")).isEmpty();
    }

    @Test
    void readsTheEarlierSingleScopeForm() {
        ExtractCheckpoint checkpoint = ExtractCheckpoint.parse("""
                {"scope_index":1,"resume":{"next_url":"https://x/3"}}""", SCOPES);

        assertThat(checkpoint.done("acme/a")).isTrue();
        assertThat(checkpoint.resume("acme/b")).containsEntry("next_url", "https://x/3");
        assertThat(checkpoint.done("acme/c")).isFalse();
    }

    @Test
    void writesWhatItReads() {
        ExtractCheckpoint checkpoint = ExtractCheckpoint.parse("""
                {"scope_index":1,"resume":{"next_url":"https://x/3"}}""", SCOPES);

        ExtractCheckpoint again = ExtractCheckpoint.parse(checkpoint.toJson(), SCOPES);

        assertThat(again.done("acme/a")).isTrue();
        assertThat(again.resume("acme/b")).isEqualTo(Map.of("next_url", "https://x/3"));
        assertThat(ExtractCheckpoint.scopeStateAfter(Map.of())).isEqualTo("{\"done\":true}");
    }
}
