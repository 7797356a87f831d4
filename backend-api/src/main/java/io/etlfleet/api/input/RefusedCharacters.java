package io.etlfleet.api.input;

/**
 * The characters no API input may carry: C0 controls U+0000–U+001F, DEL U+007F, C1 controls
 * U+0080–U+009F and unpaired UTF-16 surrogates (which JSON's {@code \ud800} can spell).
 * PostgreSQL refuses NUL in text, and the others have no business in names, ids, URLs, keys
 * or tokens, where they hide in logs and break identifiers. Only a field marked
 * {@link FreeText} may hold TAB, LF and CR.
 *
 * <p>Messages name the character by code point, never the text: the text may be a credential.
 */
public final class RefusedCharacters {

    private RefusedCharacters() {
    }

    /**
     * Why {@code text} is refused, e.g. {@code must not contain control characters (found U+0000)},
     * or null when it is acceptable.
     *
     * @param freeText whether TAB, LF and CR are allowed
     */
    public static String problem(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "must not contain unpaired UTF-16 surrogates (found " + codePoint(ch) + ")";
            } else if (isControl(ch) && !(freeText && (ch == '\t' || ch == '\n' || ch == '\r'))) {
                return "must not contain control characters (found " + codePoint(ch) + ")";
            }
        }
        return null;
    }

    /**
     * {@code text} with every refused character written as {@code \}{@code uXXXX}, so a field
     * name that holds one can be shown in an error.
     */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean pair = Character.isHighSurrogate(ch) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(ch).append(text.charAt(++i));
            } else if (isControl(ch) || Character.isSurrogate(ch)) {
                out.append(String.format("\\u%04x", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char ch) {
        return ch <= 0x1f || (ch >= 0x7f && ch <= 0x9f);
    }

    private static String codePoint(char ch) {
        return String.format("U+%04X", (int) ch);
    }
}
