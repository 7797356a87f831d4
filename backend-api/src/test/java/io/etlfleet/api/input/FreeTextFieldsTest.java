package io.etlfleet.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.api.tenants.CreateTenantRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeTextFieldsTest {

    record Rejection(@FreeText String reasonText, String code) {
    }

    record RejectRequest(String jobId, @FreeText String note, Rejection rejection, List<String> tags) {
    }

    @Test
    void findsMarkedComponentsOfTheBodyAndOfNestedRecordsInSnakeCase() {
        assertThat(FreeTextFields.of(RejectRequest.class)).containsExactlyInAnyOrder("note", "rejection.reason_text");
    }

    @Test
    void findsNoneInTheApisBodiesToday() {
        assertThat(FreeTextFields.of(CreateTenantRequest.class)).isEmpty();
        assertThat(FreeTextFields.of(String.class)).isEmpty();
    }
}
