package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.errors.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathVariableNamesTest {

    private final PathVariableNames names = new PathVariableNames(() -> List.of("/api/v1/jobs/{id}",
            "/api/v1/jobs/{id}/cancel", "/api/v1/jobs/stats", "/api/v1/tenants/{tenantId}/api-keys/{keyId}",
            "/api/v1/integrations/{id}/sync-state/{entityType}"));

    @Test
    void blamesThePathVariableThatHoldsTheCharacter() {
        assertThat(names.apply("/api/v1/jobs/%00")).isEqualTo(
                new FieldProblem("id", "must not contain control characters (found U+0000)"));
        assertThat(names.apply("/api/v1/jobs/%00/cancel").field()).isEqualTo("id");
        assertThat(names.apply("/api/v1/tenants/t/api-keys/a%00b").field()).isEqualTo("key_id");
        assertThat(names.apply("/api/v1/tenants/%00/api-keys/k").field()).isEqualTo("tenant_id");
        assertThat(names.apply("/api/v1/integrations/i/sync-state/%ED%A0%80"))
                .isEqualTo(new FieldProblem("entity_type", PercentDecoding.NOT_UTF8));
    }

    @Test
    void blamesNoFieldWhereNoEndpointHasAVariable() {
        assertThat(names.apply("/api/v1/jo%00bs")).isEqualTo(
                new FieldProblem(null, "must not contain control characters (found U+0000)"));
        assertThat(names.apply("/api/v1/nothing/%00/here").field()).isNull();
    }

    @Test
    void findsNothingInAnAcceptablePath() {
        assertThat(names.apply("/api/v1/jobs/123")).isNull();
        assertThat(names.apply("/api/v1/jobs/caf%C3%A9")).isNull();
    }
}
