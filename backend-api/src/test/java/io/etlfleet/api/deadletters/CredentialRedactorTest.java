package io.etlfleet.api.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialRedactorTest {

    private static final Set<String> SECRETS = new LinkedHashSet<>(List.of("s3cret-token-value", "hunter22"));

    @Test
    void masksEveryOccurrenceOfEverySecretInText() {
        assertThat(CredentialRedactor.redact("token s3cret-token-value, again s3cret-token-value; pw hunter22", SECRETS))
                .isEqualTo("token [redacted], again [redacted]; pw [redacted]");
        assertThat(CredentialRedactor.redact(null, SECRETS)).isNull();
        assertThat(CredentialRedactor.redact("nothing here", Set.of())).isEqualTo("nothing here");
    }

    @Test
    void masksSecretsInNestedHeaderValuesAndKeepsNumbers() {
        Map<String, Object> headers = Map.of(
                "x-etl-error-message", "401 for hunter22",
                "x-etl-attempts", 5,
                "x-death", List.of(Map.of("reason", "rejected with s3cret-token-value", "count", 2L)));

        Map<String, Object> redacted = CredentialRedactor.redactHeaders(headers, SECRETS);

        assertThat(redacted).containsEntry("x-etl-error-message", "401 for [redacted]").containsEntry("x-etl-attempts", 5);
        assertThat(redacted.get("x-death")).isEqualTo(List.of(Map.of("reason", "rejected with [redacted]", "count", 2L)));
    }
}
