package io.etlfleet.storage.flows;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One step that changes a mapping's value between the source pointer and the column, applied
 * in the order the flow lists them. A mapping's {@code "transform"} is one of these JSON forms
 * or an array of them:
 *
 * <ul>
 *   <li>{@code "trim"}: strips leading and trailing white space from a string;</li>
 *   <li>{@code "lower"}, {@code "upper"}: the string in lower or upper case (locale
 *       independent);</li>
 *   <li>{@code {"default": <value>}}: the value when there is none: the pointer finds nothing,
 *       or null, or an empty string. The value is any JSON scalar (any JSON for jsonb
 *       columns) and must suit the column's type unless a later {@code parse} or
 *       {@code concat} makes it so;</li>
 *   <li>{@code {"parse": "dd/MM/yyyy HH:mm"}}: reads a date or timestamp written with a
 *       {@link java.time.format.DateTimeFormatter} pattern (English month and day names),
 *       only on date and timestamp columns. A timestamp without an offset or zone is UTC; a
 *       pattern without a time gives midnight UTC;</li>
 *   <li>{@code {"concat": ["/first_name", "/last_name"], "separator": " "}}: the parts
 *       joined by the separator (default none). A part starting with {@code /} is a JSON
 *       pointer into the raw object (not the mapping's value), any other part is literal
 *       text. Parts whose pointer finds nothing or null are left out; when every pointer part
 *       is left out the result is null. Objects and arrays join as their JSON text.</li>
 * </ul>
 *
 * <p>Strings are what {@code trim}, {@code lower} and {@code upper} change; other values pass
 * through them unchanged. Example: {@code "transform": ["trim", {"default": "unknown"},
 * "lower"]}.
 */
public sealed interface FlowTransform
        permits FlowTransform.Trim, FlowTransform.Lower, FlowTransform.Upper, FlowTransform.Default,
        FlowTransform.Parse, FlowTransform.Concat {

    /** The transform's name in its JSON form. */
    String wireName();

    /** {@code "trim"}. */
    record Trim() implements FlowTransform {
        @Override
        public String wireName() {
            return "trim";
        }
    }

    /** {@code "lower"}. */
    record Lower() implements FlowTransform {
        @Override
        public String wireName() {
            return "lower";
        }
    }

    /** {@code "upper"}. */
    record Upper() implements FlowTransform {
        @Override
        public String wireName() {
            return "upper";
        }
    }

    /** {@code {"default": value}}. */
    record Default(JsonNode value) implements FlowTransform {
        @Override
        public String wireName() {
            return "default";
        }
    }

    /** {@code {"parse": pattern}}. */
    record Parse(String pattern) implements FlowTransform {
        @Override
        public String wireName() {
            return "parse";
        }
    }

    /** {@code {"concat": parts, "separator": separator}}. */
    record Concat(List<String> parts, String separator) implements FlowTransform {
        public Concat {
            parts = List.copyOf(parts);
            separator = separator == null ? "" : separator;
        }

        @Override
        public String wireName() {
            return "concat";
        }
    }
}
