package io.etlfleet.runtime.workers;

import io.etlfleet.queue.topology.QueueNames;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A positive count per integration type, as one environment variable spells it:
 * {@code github=4,jira=2} ({@code ETL_EXTRACT_CONCURRENCY}, {@code ETL_TRANSFORM_CONCURRENCY}).
 * Types are case-insensitive, spaces around entries and empty entries are ignored.
 *
 * <p>The value is validated as a whole, whichever types the process consumes: one environment
 * file serves a fleet of per-type processes, so an entry for another type is normal, but a
 * malformed one is a mistake in every process's configuration. Refused: an entry that is not
 * {@code type=N} ({@code github}, {@code =2}, {@code github=x}), N below 1, a name that is no
 * integration type (a typo such as {@code githb=2} would otherwise be ignored silently), and a
 * type named twice.
 */
public final class PerTypeCounts {

    private PerTypeCounts() {
    }

    /**
     * @param variable name of the environment variable, for error messages
     * @return the counts in the order written; empty for a null or blank value
     * @throws IllegalArgumentException naming the variable and the offending entry
     */
    public static Map<String, Integer> parse(String value, String variable) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return counts;
        }
        for (String entry : entries(value)) {
            int equals = entry.indexOf('=');
            String type = equals < 0 ? "" : entry.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                throw new IllegalArgumentException(variable + ": '" + entry + "' is not type=N, e.g. github=4");
            }
            requireKnown(type, variable);
            int count = count(entry.substring(equals + 1).trim(), entry, variable);
            if (counts.put(type, count) != null) {
                throw new IllegalArgumentException(variable + " names " + type + " more than once");
            }
        }
        return counts;
    }

    /** The types of a list such as {@code github,jira}, lower-cased, each checked to be an integration type. */
    static List<String> types(String value, String variable) {
        List<String> types = entries(value).stream().map(type -> type.toLowerCase(Locale.ROOT)).distinct().toList();
        types.forEach(type -> requireKnown(type, variable));
        return types;
    }

    private static int count(String text, String entry, String variable) {
        try {
            int count = Integer.parseInt(text);
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the entry
        }
        throw new IllegalArgumentException(variable + ": '" + entry + "' is not type=N with N a whole number of at least 1");
    }

    private static void requireKnown(String type, String variable) {
        if (!QueueNames.INTEGRATION_TYPES.contains(type)) {
            throw new IllegalArgumentException(variable + ": unknown integration type '" + type + "', expected one of "
                    + QueueNames.INTEGRATION_TYPES);
        }
    }

    private static List<String> entries(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }
}
