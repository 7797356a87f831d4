package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** External ids from the key columns, or the row's file and line without a key. */
class CsvKeysTest {

    private final InMemoryUploadedFiles files = new InMemoryUploadedFiles();

    @Test
    void identifiesRowsByTheirFileAndLineWithoutAKey() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n\n2,20\n");

        assertThat(read(CsvFixtures.config()).externalIds()).containsExactly("orders.csv:2", "orders.csv:4");
    }

    @Test
    void identifiesRowsByASingleKeyColumn() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "total,id\n10,A-1\n20,A-2\n");

        assertThat(read(keyed("id")).externalIds()).containsExactly("A-1", "A-2");
    }

    @Test
    void identifiesRowsByAJsonArrayOfSeveralKeyColumns() {
        files.upload(CsvFixtures.INTEGRATION, "lines.csv", "order,line,sku\n1,1,X\n1,2,\"Y \"\"big\"\"\"\n");

        assertThat(read(keyed("order", "line")).externalIds()).containsExactly("[\"1\",\"1\"]", "[\"1\",\"2\"]");
    }

    @Test
    void keysColumnsWithoutAHeaderByTheirNumber() {
        files.upload(CsvFixtures.INTEGRATION, "plain.csv", "7,Ada\n8,Grace\n");

        assertThat(read(keyed("c1").put("header", false)).externalIds()).containsExactly("7", "8");
    }

    @Test
    void keepsOnlyTheLastRowOfAnIdRepeatedWithinAPage() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n2,20\n1,11\n3,30\n1,12\n");

        RecordingSink sink = read(keyed("id"));

        assertThat(sink.pages()).hasSize(1);
        assertThat(sink.externalIds()).containsExactly("2", "3", "1");
        assertThat(sink.records().get(2).data().get("total").asString()).isEqualTo("12");
        assertThat(sink.records().get(2).data().get("_line").asLong()).isEqualTo(6);
    }

    @Test
    void keepsARepeatedIdOnceInEachPage() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n1,11\n1,12\n");

        RecordingSink sink = read(keyed("id").put("page_size", 2));

        assertThat(sink.pages()).extracting(page -> page.records().size()).containsExactly(1, 1);
        assertThat(sink.records()).extracting(r -> r.data().get("total").asString()).containsExactly("11", "12");
    }

    @Test
    void rejectsARowWhoseKeyIsEmpty() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "order,line\n1,1\n1,\n,2\n2,1\n");

        RecordingSink sink = read(keyed("order", "line"));

        assertThat(sink.externalIds()).containsExactly("[\"1\",\"1\"]", "[\"2\",\"1\"]");
        assertThat(sink.lastPage().rejected()).containsExactly(
                new RejectedRecord("orders.csv:3", "key column 'line' is empty"),
                new RejectedRecord("orders.csv:4", "key column 'order' is empty"));
    }

    @Test
    void failsPermanentlyNamingAKeyColumnTheFileDoesNotHave() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n");

        assertThatThrownBy(() -> read(keyed("id", "sku")))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("config.key[1]");
                    assertThat(e.getMessage()).contains("'sku'", "orders.csv");
                    assertThat(e.retriable()).isFalse();
                });
    }

    private RecordingSink read(ObjectNode config) {
        return CsvFixtures.extract(CsvFixtures.connector(config, CsvFixtures.services(files)), SyncMode.FULL, Map.of(),
                Map.of());
    }

    private static ObjectNode keyed(String... columns) {
        ObjectNode config = CsvFixtures.config();
        for (String column : columns) {
            config.withArray("key").add(column);
        }
        return config;
    }
}
