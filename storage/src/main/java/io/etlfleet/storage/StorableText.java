package io.etlfleet.storage;

/**
 * Text that PostgreSQL {@code text} and {@code jsonb} refuse: NUL and lone UTF-16 surrogates
 * (a high surrogate not followed by a low one, or a low one alone).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Whether {@code text} holds a character PostgreSQL refuses. */
    public static boolean refused(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (paired(text, i)) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code text} with each refused character spelled as a JSON escape (backslash, {@code u}, four hex digits) (lower-case hex) and, when
     * {@code escapeBackslash}, each backslash doubled, which makes the spelling reversible.
     */
    public static String spelled(String text, boolean escapeBackslash) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (paired(text, i)) {
                out.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == '\\' && escapeBackslash) {
                out.append("\\\\");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} spelled for a text column when it must be: ids and messages, where reversal is not needed. */
    public static String forTextColumn(String text) {
        return text == null || !refused(text) ? text : spelled(text, false);
    }

    private static boolean paired(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
