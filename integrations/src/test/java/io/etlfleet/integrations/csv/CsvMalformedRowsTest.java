package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Records that cannot be read are rejected with their file and line; the rest of the file loads. */
class CsvMalformedRowsTest {

    private final InMemoryUploadedFiles files = new InMemoryUploadedFiles();

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n2\n3,30,extra\n4,40\n");

        RecordingSink sink = read(CsvFixtures.config());

        assertThat(sink.externalIds()).containsExactly("orders.csv:2", "orders.csv:5");
        assertThat(sink.lastPage().rejected()).containsExactly(
                new RejectedRecord("orders.csv:3", "has 1 fields where the header has 2"),
                new RejectedRecord("orders.csv:4", "has 3 fields where the header has 2"));
    }

    @Test
    void comparesFieldCountsWithTheFirstRowWithoutAHeader() {
        files.upload(CsvFixtures.INTEGRATION, "plain.csv", "1,10\n2,20,x\n");

        RecordingSink sink = read(CsvFixtures.config().put("header", false));

        assertThat(sink.lastPage().rejected()).containsExactly(
                new RejectedRecord("plain.csv:2", "has 3 fields where the first record has 2"));
    }

    @Test
    void rejectsTheLineOfAnUnterminatedQuoteAndReadsTheLinesAfterIt() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,note\n1,fine\n2,\"never closed\n3,ok\n4,last\n");

        RecordingSink sink = read(CsvFixtures.config());

        assertThat(sink.records()).extracting(r -> r.data().get("id").asString() + "@" + r.data().get("_line"))
                .containsExactly("1@2", "3@4", "4@5");
        assertThat(sink.lastPage().rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.position()).isEqualTo("orders.csv:3");
            assertThat(rejected.reason()).contains("unterminated quote");
        });
    }

    @Test
    void rejectsOnlyTheLineOfAStrayQuoteThatALaterQuoteWouldClose() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,note\n1,fine\n2,\"stray\n3,ok\n4,\"multi\nline\"\n");

        RecordingSink sink = read(CsvFixtures.config());

        assertThat(sink.records()).extracting(r -> r.data().get("id").asString() + "@" + r.data().get("_line"))
                .containsExactly("1@2", "3@4", "4@5");
        assertThat(sink.records().get(2).data().get("note").asString()).isEqualTo("multi\nline");
        assertThat(sink.lastPage().rejected()).extracting(RejectedRecord::position).containsExactly("orders.csv:3");
    }

    @Test
    void rejectsTextAfterAClosingQuoteAndGoesOn() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,note\n1,\"a\"b\n2,c\n");

        RecordingSink sink = read(CsvFixtures.config());

        assertThat(sink.externalIds()).containsExactly("orders.csv:3");
        assertThat(sink.lastPage().rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.position()).isEqualTo("orders.csv:2");
            assertThat(rejected.reason()).contains("after closing quote");
        });
    }

    @Test
    void countsRejectedRowsTowardsThePageSize() {
        files.upload(CsvFixtures.INTEGRATION, "orders.csv", "id,total\n1,10\n2\n3,30\n4\n5,50\n");

        RecordingSink sink = read(CsvFixtures.config().put("page_size", 2));

        assertThat(sink.pages()).extracting(page -> page.records().size() + page.rejected().size())
                .containsExactly(2, 2, 1);
        assertThat(sink.pages()).flatExtracting(Page::rejected).extracting(RejectedRecord::position)
                .containsExactly("orders.csv:3", "orders.csv:5");
    }

    @Test
    void rejectsTheRestOfAFileAfterTooManyRecordsThatCannotBeParsed() {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 1; i <= CsvRows.MAX_REOPENS + 5; i++) {
            text.append(i).append(",\"x\"y\n");
        }
        files.upload(CsvFixtures.INTEGRATION, "bad.csv", text.toString());

        RecordingSink sink = read(CsvFixtures.config());

        assertThat(sink.records()).isEmpty();
        assertThat(sink.lastPage().rejected()).hasSize(CsvRows.MAX_REOPENS + 1);
        assertThat(sink.lastPage().rejected().get(CsvRows.MAX_REOPENS).reason()).contains("the rest of the file");
        assertThat(files.opens()).isEqualTo(CsvRows.MAX_REOPENS + 1);
    }

    @Test
    void failsPermanentlyOnTextThatIsNotInTheConfiguredEncoding() {
        files.upload(CsvFixtures.INTEGRATION, "latin1.csv", "id,name\n1,Zoë\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> read(CsvFixtures.config())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("latin1.csv", "UTF-8", "config.encoding");
        });
    }

    @Test
    void failsPermanentlyOnAHeaderThatNamesAColumnTwiceOrAReservedOne() {
        files.upload(CsvFixtures.INTEGRATION, "twice.csv", "id,id\n1,2\n");

        assertThatThrownBy(() -> read(CsvFixtures.config())).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("twice.csv", "'id' twice");
        });
        InMemoryUploadedFiles reserved = new InMemoryUploadedFiles();
        reserved.upload(CsvFixtures.INTEGRATION, "reserved.csv", "id,_line\n1,2\n");
        assertThatThrownBy(() -> CsvFixtures.extract(CsvFixtures.connector(CsvFixtures.config(),
                CsvFixtures.services(reserved)), SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.getMessage()).contains("'_line'"));
    }

    private RecordingSink read(ObjectNode config) {
        return CsvFixtures.extract(CsvFixtures.connector(config, CsvFixtures.services(files)), SyncMode.FULL, Map.of(),
                Map.of());
    }
}
