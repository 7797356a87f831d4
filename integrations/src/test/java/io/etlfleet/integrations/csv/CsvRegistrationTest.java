package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.Connectors;
import org.junit.jupiter.api.Test;

class CsvRegistrationTest {

    @Test
    void theRegistryServesTheCsvType() {
        try (Connectors connectors = Connectors.standard()) {
            assertThat(connectors.factory("csv")).isInstanceOf(CsvConnectorFactory.class);
            assertThat(connectors.types()).contains("csv");
        }
    }
}
