package io.etlfleet.api.paging;

import io.etlfleet.api.errors.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset-paging cursors: the sort key of the last item of a page, joined and encoded
 * as base64url. Callers pass {@code next_cursor} back as {@code cursor}; its content is not
 * a contract.
 */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';

    private Cursors() {
    }

    public static String encode(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            if (!joined.isEmpty()) {
                joined.append(SEPARATOR);
            }
            joined.append(part);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The parts of {@code cursor}, or null when it is absent or malformed (recorded in
     * {@code errors} against {@code cursor}).
     */
    public static List<String> decode(FieldErrors errors, String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            List<String> split = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (split.size() == parts) {
                return split;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add("cursor", "is not a cursor this API returned; pass next_cursor from the previous page");
        return null;
    }
}
