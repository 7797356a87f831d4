package io.etlfleet.transform.loading;

import io.etlfleet.storage.JsonColumns;

/**
 * The JSON that carries warehouse rows into their statements ({@code jsonb_to_recordset}).
 * PostgreSQL text and jsonb refuse NUL, so every NUL in every string is removed here, the one
 * place all loaders write through; a lone UTF-16 surrogate, which no PostgreSQL text can hold,
 * becomes U+FFFD. Every other character arrives exactly as the source sent it. The raw store
 * keeps the original losslessly, so nothing is lost for good.
 */
public final class WarehouseJson {

    private static final char REPLACEMENT = '\uFFFD';

    private WarehouseJson() {
    }

    public static String write(Object rows) {
        return storable(JsonColumns.write(rows));
    }

    /** {@code json} without NUL escapes and with lone surrogates replaced; unchanged (same instance) when it has neither. */
    static String storable(String json) {
        if (!suspect(json)) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                if (json.startsWith("u0000", i + 1)) {
                    i += 5;
                } else {
                    out.append(c).append(json.charAt(++i)); // the escaped character never starts another escape
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean suspect(String json) {
        if (json.contains("\\u0000")) {
            return true;
        }
        for (int i = 0; i < json.length(); i++) {
            if (Character.isSurrogate(json.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
