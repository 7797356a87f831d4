package io.etlfleet.api.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict percent-decoding of URL parts as UTF-8, for the checks that must see a request
 * line as the server will: a malformed escape or byte sequence (including a UTF-8-encoded
 * surrogate such as {@code %ED%A0%80}) is reported, not replaced.
 */
final class PercentDecoding {

    static final String NOT_UTF8 = "must be percent-encoded UTF-8 (a malformed escape or byte sequence was found)";

    /** One {@code name=value} pair of a query string; a part is null when it is not valid UTF-8. */
    record Parameter(String rawName, String name, String value) {
    }

    private PercentDecoding() {
    }

    /** The pairs of a raw query string, {@code +} read as a space as in HTML forms. */
    static List<Parameter> query(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new Parameter(rawName, decode(rawName, true), decode(rawValue, true)));
        }
        return parameters;
    }

    /** The segments of a raw path, each decoded ({@code +} kept) or null when not valid UTF-8. */
    static List<String> pathSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            int parameters = segment.indexOf(';');
            segments.add(decode(parameters < 0 ? segment : segment.substring(0, parameters), false));
        }
        return segments;
    }

    /** The decoded text, or null when an escape is malformed or the bytes are not UTF-8. */
    static String decode(String raw, boolean plusAsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (ch == '+' && plusAsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(ch).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
