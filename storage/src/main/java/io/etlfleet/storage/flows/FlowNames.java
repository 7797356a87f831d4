package io.etlfleet.storage.flows;

import java.util.regex.Pattern;

/** The rules for the names a flow gives its table and columns, and for its JSON pointers. */
public final class FlowNames {

    /** Prefix of the columns every loaded row has; no mapping may use it. */
    public static final String RESERVED_PREFIX = "_etl_";
    public static final String RAW_ID = "_etl_raw_id";
    public static final String RUN_ID = "_etl_run_id";
    public static final String LOADED_AT = "_etl_loaded_at";

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private FlowNames() {
    }

    /** Why {@code name} cannot name a table or column, or null when it can. */
    static String identifierProblem(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            return "'" + name + "' is not an identifier: lower-case letters, digits and _, not starting with a digit,"
                    + " at most 63 characters";
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            return "'" + name + "' starts with " + RESERVED_PREFIX + ", which is kept for the columns every row has";
        }
        return null;
    }

    /** Whether {@code pointer} is a JSON pointer (RFC 6901): empty, or {@code /} segments with {@code ~0} and {@code ~1} escapes. */
    static boolean validPointer(String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        if (pointer.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < pointer.length(); i++) {
            if (pointer.charAt(i) == '~') {
                char next = i + 1 < pointer.length() ? pointer.charAt(i + 1) : 0;
                if (next != '0' && next != '1') {
                    return false;
                }
            }
        }
        return true;
    }
}
