package io.etlfleet.queue.messages;

import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns job messages into JSON bytes and back. Thread-safe; share one instance.
 *
 * <p>Decoding checks the envelope before the fields: the body must be a JSON object with an
 * integer {@code "v"} equal to {@link JobMessage#CURRENT_VERSION}. Fields this version does not
 * know are ignored, so producers may add fields within version 1. Every failure is a
 * {@link MalformedMessageException} whose message says what is wrong, in words fit for a
 * dead-letter header.
 */
public final class JobMessageCodec {

    public static final String CONTENT_TYPE = "application/json";

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public byte[] encode(JobMessage message) {
        Objects.requireNonNull(message, "message");
        return mapper.writeValueAsBytes(message);
    }

    /**
     * @throws UnsupportedVersionException for a version other than {@link JobMessage#CURRENT_VERSION}
     * @throws MalformedMessageException   for anything else that makes the body unusable
     */
    public <T extends JobMessage> T decode(byte[] body, Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (body == null || body.length == 0) {
            throw new MalformedMessageException("empty message body");
        }
        JsonNode tree = parse(body);
        if (!tree.isObject()) {
            throw new MalformedMessageException("message body must be a JSON object, was " + tree.getNodeType());
        }
        checkVersion(tree.get("v"));
        try {
            return mapper.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new MalformedMessageException(describe(e), e);
        }
    }

    private JsonNode parse(byte[] body) {
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedMessageException("message body is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void checkVersion(JsonNode version) {
        if (version == null || version.isNull()) {
            throw new MalformedMessageException("missing message version field \"v\"");
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new MalformedMessageException("message version \"v\" must be an integer, was " + version);
        }
        if (version.intValue() != JobMessage.CURRENT_VERSION) {
            throw new UnsupportedVersionException(version.intValue());
        }
    }

    private static String describe(JacksonException e) {
        Throwable cause = e.getCause();
        if (e instanceof ValueInstantiationException && cause instanceof NullPointerException) {
            // The message records reject nulls with requireNonNull(value, "<json field name>").
            return "missing required field \"" + cause.getMessage() + "\"";
        }
        if (e instanceof ValueInstantiationException && cause != null) {
            return "invalid message: " + cause.getMessage();
        }
        if (e instanceof DatabindException && !e.getPath().isEmpty()) {
            return "invalid value for field \"" + fieldPath(e) + "\": " + e.getOriginalMessage();
        }
        return "invalid message: " + e.getOriginalMessage();
    }

    private static String fieldPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
