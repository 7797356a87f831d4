package io.etlfleet.queue.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobMessageCodecTest {

    private final JobMessageCodec codec = new JobMessageCodec();

    @Test
    void decodesVersionOneExtractJobAndIgnoresUnknownFields() {
        ExtractJobMessage job = codec.decode(fixture("extract-job-v1.json"), ExtractJobMessage.class);

        assertThat(job.jobId()).isEqualTo(UUID.fromString("0b6f9e9c-4a47-4d3f-9a55-0a8f3c1d2e01"));
        assertThat(job.integrationType()).isEqualTo("github");
        assertThat(job.mode()).isEqualTo("incremental");
        assertThat(job.scope()).isEqualTo("octo/hello");
        assertThat(job.requestedAt()).hasToString("2025-03-01T12:00:00Z");
    }

    @Test
    void decodesTransformJobWithRawIds() {
        TransformJobMessage job = codec.decode(fixture("transform-job-v1.json"), TransformJobMessage.class);

        assertThat(job.rawIds()).containsExactly(11L, 12L, 13L);
        assertThat(job.batchId()).isNull();
    }

    @Test
    void encodedMessagesDecodeToEqualMessages() {
        ExtractJobMessage extract = ExtractJobMessage.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "jira", "jira_issues", "full", null);
        TransformJobMessage transform = new TransformJobMessage(1, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), "jdbc", "orders", null, List.of(1L, 2L));

        assertThat(codec.decode(codec.encode(extract), ExtractJobMessage.class)).isEqualTo(extract);
        assertThat(codec.decode(codec.encode(transform), TransformJobMessage.class)).isEqualTo(transform);
    }

    @Test
    void writesSnakeCaseFieldsAndIsoInstants() {
        ExtractJobMessage job = codec.decode(fixture("extract-job-v1.json"), ExtractJobMessage.class);

        String json = new String(codec.encode(job), StandardCharsets.UTF_8);

        assertThat(json).contains("\"v\":1", "\"job_id\":\"0b6f9e9c-4a47-4d3f-9a55-0a8f3c1d2e01\"",
                "\"requested_at\":\"2025-03-01T12:00:00Z\"");
    }

    @Test
    void rejectsBrokenJson() {
        assertMalformed("{\"v\": 1, \"job_id\": ", "not valid JSON");
    }

    @Test
    void rejectsJsonThatIsNotAnObject() {
        assertMalformed("[1, 2]", "must be a JSON object");
        assertMalformed("\"text\"", "must be a JSON object");
    }

    @Test
    void rejectsEmptyBody() {
        assertMalformed("", "empty message body");
    }

    @Test
    void rejectsMissingVersion() {
        assertMalformed(withoutField("v"), "missing message version field \"v\"");
    }

    @Test
    void rejectsUnknownVersionWithItsOwnException() {
        String json = replace("\"v\": 1", "\"v\": 2");

        assertThatThrownBy(() -> codec.decode(bytes(json), ExtractJobMessage.class))
                .isInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining("unsupported message version 2");
    }

    @Test
    void rejectsNonIntegerVersion() {
        assertMalformed(replace("\"v\": 1", "\"v\": \"one\""), "must be an integer");
    }

    @Test
    void namesTheMissingRequiredField() {
        assertMalformed(withoutField("tenant_id"), "missing required field \"tenant_id\"");
    }

    @Test
    void namesTheFieldWithAnInvalidUuid() {
        assertMalformed(replace("\"job_id\": \"0b6f9e9c-4a47-4d3f-9a55-0a8f3c1d2e01\"", "\"job_id\": \"not-a-uuid\""),
                "invalid value for field \"job_id\"");
    }

    @Test
    void rejectsAnUnknownMode() {
        assertMalformed(replace("\"mode\": \"incremental\"", "\"mode\": \"sometimes\""),
                "mode must be incremental or full, was sometimes");
    }

    @Test
    void rejectsTrailingGarbage() {
        assertMalformed(new String(fixture("extract-job-v1.json"), StandardCharsets.UTF_8) + " {}", "not valid JSON");
    }

    private void assertMalformed(String json, String reason) {
        assertThatThrownBy(() -> codec.decode(bytes(json), ExtractJobMessage.class))
                .isInstanceOf(MalformedMessageException.class)
                .isNotInstanceOf(UnsupportedVersionException.class)
                .hasMessageContaining(reason);
    }

    private static String replace(String from, String to) {
        String json = new String(fixture("extract-job-v1.json"), StandardCharsets.UTF_8);
        assertThat(json).contains(from);
        return json.replace(from, to);
    }

    private static String withoutField(String field) {
        String json = new String(fixture("extract-job-v1.json"), StandardCharsets.UTF_8);
        return json.replaceAll("\\n\\s*\"" + field + "\": [^\\n]*,", "");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] fixture(String name) {
        try (InputStream in = JobMessageCodecTest.class.getResourceAsStream("/messages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
