package io.etlfleet.storage.flows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Maps raw objects to the rows of one flow. Thread-safe; build one per flow definition and
 * reuse it.
 *
 * <p>For each mapping, the value at its {@code source} pointer (none when the pointer finds
 * nothing) goes through its transforms, then becomes the column's Java type:
 * <ul>
 *   <li>text: a string as it is, other scalars as their JSON text, objects and arrays as
 *       compact JSON; NUL removed and lone surrogates replaced by U+FFFD, as every text and
 *       jsonb value;</li>
 *   <li>integer, bigint, numeric: a JSON number or a string holding one ({@code "12.5"},
 *       {@code "-3e2"}); integers must be whole and within 32 or 64 bits; numeric keeps at
 *       most 28 digits before the point and rounds (half up) to 10 after it;</li>
 *   <li>boolean: {@code true}/{@code false}, {@code 1}/{@code 0}, or one of the strings
 *       {@code true false 1 0 yes no} in any case;</li>
 *   <li>date and timestamp: ISO-8601 strings ({@code 2024-02-29},
 *       {@code 2024-02-29T10:15:30.5+01:00}, a space for the {@code T}, {@code Z},
 *       {@code +0100}; no offset means UTC) or epoch milliseconds as a JSON number; a date
 *       from a timestamp string keeps the date as written; timestamps are returned in UTC,
 *       cut to microseconds; years 1 to 9999;</li>
 *   <li>jsonb: the value's JSON text.</li>
 * </ul>
 * A missing value, JSON null, and for types other than text and jsonb an empty or blank
 * string, are null. A key column that ends up null rejects the object, as does any value that
 * does not fit its type: the reason names the mapping, as in
 * {@code mappings[3] (amount): "12,5x" is not a numeric}.
 *
 * <p>Parse raw objects with {@link #readRaw(String)}: it keeps decimal numbers exact.
 */
public final class RowMapper {

    /**
     * Reads raw JSON with every number exactly as written ({@code 12.50} stays 12.50, not the
     * nearest double), which numeric columns and jsonb text need; a default mapper's doubles
     * keep about 17 significant digits.
     */
    private static final JsonMapper RAW = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final List<CompiledMapping> mappings = new ArrayList<>();

    /** Parses a raw object's JSON text for {@link #map}, keeping every number exact. */
    public static JsonNode readRaw(String json) {
        return RAW.readTree(json);
    }

    public RowMapper(FlowDefinition flow) {
        Set<String> key = new HashSet<>(flow.key());
        for (int i = 0; i < flow.mappings().size(); i++) {
            FlowMapping mapping = flow.mappings().get(i);
            mappings.add(new CompiledMapping("mappings[" + i + "] (" + mapping.target() + ")", mapping,
                    JsonPointer.compile(mapping.source()), key.contains(mapping.target()), formatters(mapping)));
        }
    }

    private static List<DateTimeFormatter> formatters(FlowMapping mapping) {
        List<DateTimeFormatter> formatters = new ArrayList<>();
        for (FlowTransform transform : mapping.transforms()) {
            formatters.add(transform instanceof FlowTransform.Parse parse ? Timestamps.pattern(parse.pattern()) : null);
        }
        return formatters;
    }

    /** The row {@code raw} maps to, or its rejection. */
    public MappedRow map(long rawId, JsonNode raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (CompiledMapping mapping : mappings) {
            Object value;
            try {
                value = mapping.value(raw);
            } catch (ValueRefused e) {
                return MappedRow.rejected(rawId, mapping.label + ": " + e.getMessage());
            }
            if (value == null && mapping.key) {
                return MappedRow.rejected(rawId, mapping.label + ": the key column has no value (source "
                        + (mapping.mapping.source().isEmpty() ? "\"\"" : mapping.mapping.source()) + ")");
            }
            values.put(mapping.mapping.target(), value);
        }
        return MappedRow.of(rawId, values);
    }

    /** Concat parts' pointers, compiled once; few distinct ones exist. */
    private static final Map<String, JsonPointer> POINTERS = new ConcurrentHashMap<>();

    private record CompiledMapping(String label, FlowMapping mapping, JsonPointer pointer, boolean key,
            List<DateTimeFormatter> formatters) {

        Object value(JsonNode raw) throws ValueRefused {
            JsonNode value = raw.at(pointer);
            List<FlowTransform> transforms = mapping.transforms();
            for (int i = 0; i < transforms.size(); i++) {
                value = apply(transforms.get(i), formatters.get(i), value, raw);
            }
            return ColumnValues.convert(value, mapping.type());
        }

        private JsonNode apply(FlowTransform transform, DateTimeFormatter formatter, JsonNode value, JsonNode raw)
                throws ValueRefused {
            if (transform instanceof FlowTransform.Trim) {
                return value.isString() ? text(value.stringValue().strip()) : value;
            }
            if (transform instanceof FlowTransform.Lower) {
                return value.isString() ? text(value.stringValue().toLowerCase(Locale.ROOT)) : value;
            }
            if (transform instanceof FlowTransform.Upper) {
                return value.isString() ? text(value.stringValue().toUpperCase(Locale.ROOT)) : value;
            }
            if (transform instanceof FlowTransform.Default fallback) {
                return absent(value) || (value.isString() && value.stringValue().isEmpty()) ? fallback.value() : value;
            }
            if (transform instanceof FlowTransform.Parse parse) {
                return parse(parse, formatter, value);
            }
            return concat((FlowTransform.Concat) transform, raw);
        }

        private JsonNode parse(FlowTransform.Parse parse, DateTimeFormatter formatter, JsonNode value) throws ValueRefused {
            if (absent(value) || value.isContainer() || (value.isString() && value.stringValue().isBlank())) {
                return value;
            }
            String text = value.asString().strip();
            try {
                if (mapping.type() == ColumnType.DATE) {
                    LocalDate date = LocalDate.from(formatter.parse(text));
                    return text(date.toString());
                }
                OffsetDateTime time = Timestamps.timestamp(formatter, text);
                return text(time.toString());
            } catch (DateTimeException e) {
                throw new ValueRefused(ColumnValues.describe(value) + " does not match the pattern " + parse.pattern());
            }
        }

        private static JsonNode concat(FlowTransform.Concat concat, JsonNode raw) {
            StringBuilder joined = new StringBuilder();
            boolean anyPointer = false;
            boolean anyValue = false;
            boolean first = true;
            for (String part : concat.parts()) {
                String text;
                if (part.startsWith("/")) {
                    anyPointer = true;
                    JsonNode found = raw.at(POINTERS.computeIfAbsent(part, JsonPointer::compile));
                    if (absent(found)) {
                        continue;
                    }
                    anyValue = true;
                    text = ColumnValues.text(found);
                } else {
                    text = part;
                }
                if (!first) {
                    joined.append(concat.separator());
                }
                joined.append(text);
                first = false;
            }
            return anyPointer && !anyValue ? JsonNodeFactory.instance.nullNode() : text(joined.toString());
        }

        private static boolean absent(JsonNode value) {
            return value == null || value.isMissingNode() || value.isNull();
        }

        private static JsonNode text(String text) {
            return JsonNodeFactory.instance.stringNode(text);
        }
    }
}
