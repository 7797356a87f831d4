package io.etlfleet.integrations.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.integrations.contract.RecordingSink;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.SourceRecord;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UploadedFiles.StoredFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** How the text of a file becomes records: separators, quoting, encodings and awkward characters. */
class CsvFormatsTest {

    private final InMemoryUploadedFiles files = new InMemoryUploadedFiles();

    @Test
    void namesFieldsByTheHeaderAndAddsTheFileAndLine() {
        StoredFile file = files.upload(CsvFixtures.INTEGRATION, "people.csv", "id,name,city\n1,Ada,\n2,Grace,Arlington\n");

        List<SourceRecord> records = read(CsvFixtures.config());

        assertThat(records).hasSize(2);
        assertThat(records.get(0).data().toString())
                .isEqualTo("{\"id\":\"1\",\"name\":\"Ada\",\"city\":\"\",\"_file\":\"people.csv\",\"_line\":2}");
        assertThat(records.get(1).data().get("_line").asLong()).isEqualTo(3);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.updatedAt()).isEqualTo(file.uploadedAt());
            assertThat(record.json()).isNull();
        });
    }

    @Test
    void namesColumnsC1C2WithoutAHeader() {
        files.upload(CsvFixtures.INTEGRATION, "plain.csv", "1,Ada\n2,Grace\n");

        List<SourceRecord> records = read(CsvFixtures.config().put("header", false));

        assertThat(records).extracting(r -> r.data().toString()).containsExactly(
                "{\"c1\":\"1\",\"c2\":\"Ada\",\"_file\":\"plain.csv\",\"_line\":1}",
                "{\"c1\":\"2\",\"c2\":\"Grace\",\"_file\":\"plain.csv\",\"_line\":2}");
    }

    @Test
    void readsAnotherDelimiterAndQuote() {
        files.upload(CsvFixtures.INTEGRATION, "semi.csv", "id;note\n1;'a;b'\n2;'it''s'\n3;\"plain\"\n");

        List<SourceRecord> records = read(CsvFixtures.config().put("delimiter", ";").put("quote", "'"));

        assertThat(records).extracting(r -> r.data().get("note").asString())
                .containsExactly("a;b", "it's", "\"plain\"");
    }

    @Test
    void decodesTheConfiguredEncoding() {
        files.upload(CsvFixtures.INTEGRATION, "latin1.csv", "id,name\n1,Zoë Müller-Straße\n".getBytes(StandardCharsets.ISO_8859_1));

        List<SourceRecord> records = read(CsvFixtures.config().put("encoding", "ISO-8859-1"));

        assertThat(records.get(0).data().get("name").asString()).isEqualTo("Zoë Müller-Straße");
    }

    @Test
    void dropsAUtf8ByteOrderMark() {
        byte[] text = "id,name\n1,Ada\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        files.upload(CsvFixtures.INTEGRATION, "bom.csv", withBom);

        List<SourceRecord> records = read(CsvFixtures.config());

        assertThat(records.get(0).data().propertyNames()).first().isEqualTo("id");
        assertThat(records.get(0).data().get("id").asString()).isEqualTo("1");
    }

    @Test
    void keepsCrlfQuotedLineBreaksDelimitersNulAndEmojiExactly() {
        String awkward = "nul\u0000byte 😀 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        files.upload(CsvFixtures.INTEGRATION, "awkward.csv", "id,text,other\r\n"
                + "1,\"line one\r\nline two\nline three\",\"a,b\"\r\n"
                + "2,\"" + awkward + "\",\"say \"\"hi\"\"\"\r\n"
                + "3,,\"\"\r\n");

        List<SourceRecord> records = read(CsvFixtures.config());

        assertThat(records).hasSize(3);
        assertThat(records.get(0).data().get("text").asString()).isEqualTo("line one\r\nline two\nline three");
        assertThat(records.get(0).data().get("other").asString()).isEqualTo("a,b");
        assertThat(records.get(1).data().get("text").asString()).isEqualTo(awkward);
        assertThat(records.get(1).data().get("other").asString()).isEqualTo("say \"hi\"");
        assertThat(records.get(1).data().get("_line").asLong()).isEqualTo(5);
        assertThat(records.get(2).data().get("text").asString()).isEmpty();
        assertThat(records.get(2).data().get("other").asString()).isEmpty();
        assertThat(records.get(2).data().get("_line").asLong()).isEqualTo(6);
    }

    @Test
    void skipsEmptyLinesButCountsThem() {
        files.upload(CsvFixtures.INTEGRATION, "gaps.csv", "id\n\n1\n\r\n\n2\n");

        List<SourceRecord> records = read(CsvFixtures.config());

        assertThat(records).extracting(r -> r.data().get("_line").asLong()).containsExactly(3L, 6L);
    }

    @Test
    void readsAnEmptyFileAndAHeaderOnlyFileAsNoRows() {
        files.upload(CsvFixtures.INTEGRATION, "empty.csv", "");
        files.upload(CsvFixtures.INTEGRATION, "header.csv", "id,name\n");

        RecordingSink sink = CsvFixtures.extract(CsvFixtures.connector(CsvFixtures.config(), services()),
                SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.records()).isEmpty();
        assertThat(sink.lastPage().last()).isTrue();
    }

    private List<SourceRecord> read(ObjectNode config) {
        return CsvFixtures.extract(CsvFixtures.connector(config, services()), SyncMode.FULL, Map.of(), Map.of())
                .records();
    }

    private ConnectorServices services() {
        return CsvFixtures.services(files);
    }
}
