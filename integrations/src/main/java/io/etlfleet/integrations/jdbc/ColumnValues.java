package io.etlfleet.integrations.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads column values into JSON and binds cursor values back, by {@link ColumnKind}. A value
 * read and then bound again compares equal to the source value: the text forms are exact
 * (decimals, instants to the nanosecond, base64 bytes).
 */
final class ColumnValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ColumnValues() {
    }

    static JsonNode read(ResultSet rows, int index, ColumnKind kind, JdbcDialect dialect) throws SQLException {
        return switch (kind) {
            case BOOLEAN -> {
                boolean value = rows.getBoolean(index);
                yield rows.wasNull() ? JSON.nullNode() : JSON.booleanNode(value);
            }
            case INTEGER -> {
                BigDecimal value = rows.getBigDecimal(index);
                yield value == null ? JSON.nullNode() : integer(value.toBigInteger());
            }
            case DECIMAL -> decimal(rows, index);
            case FLOAT -> {
                double value = rows.getDouble(index);
                yield rows.wasNull() ? JSON.nullNode()
                        : Double.isFinite(value) ? JSON.numberNode(value) : JSON.stringNode(Double.toString(value));
            }
            case BINARY -> {
                byte[] value = rows.getBytes(index);
                yield value == null ? JSON.nullNode() : JSON.stringNode(Base64.getEncoder().encodeToString(value));
            }
            case DATE -> text(rows.getObject(index, LocalDate.class), DateTimeFormatter.ISO_LOCAL_DATE);
            case TIME -> text(rows.getObject(index, LocalTime.class), DateTimeFormatter.ISO_LOCAL_TIME);
            case TIMESTAMP -> text(rows.getObject(index, LocalDateTime.class), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case TIMESTAMPTZ -> {
                Instant value = dialect.readInstant(rows, index);
                yield value == null ? JSON.nullNode() : JSON.stringNode(DateTimeFormatter.ISO_INSTANT.format(value));
            }
            case TEXT, JSON, OTHER -> {
                String value = rows.getString(index);
                yield value == null ? JSON.nullNode() : JSON.stringNode(value);
            }
        };
    }

    /** The text a cursor stores for a value read by {@link #read}; null for SQL NULL. */
    static String cursorText(JsonNode value) {
        return value == null || value.isNull() ? null : value.asString();
    }

    static void bind(PreparedStatement statement, int index, ColumnKind kind, String text, JdbcDialect dialect)
            throws SQLException {
        switch (kind) {
            case BOOLEAN -> statement.setBoolean(index, Boolean.parseBoolean(text));
            case INTEGER -> {
                BigInteger value = new BigInteger(text);
                if (value.bitLength() < Long.SIZE) {
                    statement.setLong(index, value.longValue());
                } else {
                    statement.setBigDecimal(index, new BigDecimal(value));
                }
            }
            case DECIMAL -> statement.setBigDecimal(index, new BigDecimal(text));
            case FLOAT -> statement.setDouble(index, Double.parseDouble(text));
            case BINARY -> statement.setBytes(index, Base64.getDecoder().decode(text));
            case DATE -> statement.setObject(index, LocalDate.parse(text));
            case TIME -> statement.setObject(index, LocalTime.parse(text));
            case TIMESTAMP -> statement.setObject(index, LocalDateTime.parse(text));
            case TIMESTAMPTZ -> dialect.bindInstant(statement, index, Instant.parse(text));
            case TEXT, JSON -> statement.setString(index, text);
            case OTHER -> dialect.bindOther(statement, index, text);
        }
    }

    private static JsonNode integer(BigInteger value) {
        return value.bitLength() < Long.SIZE ? JSON.numberNode(value.longValue()) : JSON.numberNode(value);
    }

    /** Exact text; PostgreSQL's NaN and infinities, which BigDecimal cannot hold, as the source writes them. */
    private static JsonNode decimal(ResultSet rows, int index) throws SQLException {
        String text = rows.getString(index);
        if (text == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.stringNode(new BigDecimal(text.trim()).toPlainString());
        } catch (NumberFormatException special) {
            return JSON.stringNode(text);
        }
    }

    private static JsonNode text(TemporalAccessor value, DateTimeFormatter format) {
        return value == null ? JSON.nullNode() : JSON.stringNode(format.format(value));
    }
}
