package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.SourceRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns result-set rows of one table into {@link SourceRecord}s: the complete row as a JSON
 * object keyed by column label, the external id from the key columns, the source's updated
 * time from the first cursor column, and the row's {@link Keyset}.
 *
 * <p>External id: the key values' text joined with {@code |}, each value with {@code \} and
 * {@code |} escaped by a backslash, so distinct keys never collide ({@code 42}, {@code a|b}
 * becomes {@code 42|a\|b}).
 *
 * <p>Updated time: the first cursor column's value when it is a timestamp; a timestamp
 * without time zone is read as UTC (it only orders versions of the same row).
 */
final class RowReader {

    private final List<JdbcColumn> columns;
    private final JdbcDialect dialect;
    private final List<String> order;
    private final int[] orderIndex;
    private final List<Integer> keyPositions;

    private RowReader(List<JdbcColumn> columns, JdbcDialect dialect, List<String> order, int[] orderIndex,
            List<Integer> keyPositions) {
        this.columns = columns;
        this.dialect = dialect;
        this.order = order;
        this.orderIndex = orderIndex;
        this.keyPositions = keyPositions;
    }

    static RowReader of(ResultSet rows, JdbcDialect dialect, JdbcConfig.Table table) throws SQLException {
        List<JdbcColumn> columns = JdbcColumn.of(rows.getMetaData(), dialect);
        List<String> order = table.orderColumnNames();
        int[] index = new int[order.size()];
        for (int i = 0; i < order.size(); i++) {
            index[i] = indexOf(columns, order.get(i));
        }
        return new RowReader(columns, dialect, order, index, table.keyPositions());
    }

    List<JdbcColumn> columns() {
        return columns;
    }

    Row read(ResultSet rows) throws SQLException {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        List<JsonNode> values = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            JsonNode value = ColumnValues.read(rows, i + 1, columns.get(i).kind(), dialect);
            data.set(columns.get(i).name(), value);
            values.add(value);
        }
        List<ColumnKind> kinds = new ArrayList<>(order.size());
        List<String> position = new ArrayList<>(order.size());
        for (int index : orderIndex) {
            kinds.add(columns.get(index).kind());
            position.add(ColumnValues.cursorText(values.get(index)));
        }
        return new Row(new SourceRecord(externalId(position), data, updatedAt(kinds.get(0), position.get(0))),
                new Keyset(order, kinds, position));
    }

    private String externalId(List<String> position) {
        return keyPositions.stream().map(position::get)
                .map(value -> value.replace("\\", "\\\\").replace("|", "\\|"))
                .collect(Collectors.joining("|"));
    }

    private static Instant updatedAt(ColumnKind kind, String text) {
        return switch (kind) {
            case TIMESTAMPTZ -> Instant.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            default -> null;
        };
    }

    private static int indexOf(List<JdbcColumn> columns, String name) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new SQLException("column " + name + " is not in the result", "42703");
    }

    record Row(SourceRecord record, Keyset keyset) {
    }
}
