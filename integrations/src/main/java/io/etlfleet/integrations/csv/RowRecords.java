package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.InvalidConfigException;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.SourceRecord;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the rows of one file into source records: every column as text (an empty field stays
 * {@code ""}), then {@value #FILE} and {@value #LINE}. The external id is the key column's value,
 * the key values as a JSON array when the key has several columns, or {@code <file>:<line>}
 * without a key. Nothing depends on when the file is read, so reading the same file again
 * gives the same records.
 */
final class RowRecords {

    static final String FILE = "_file";
    static final String LINE = "_line";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Exactly one of the two is set. */
    record Mapped(SourceRecord record, RejectedRecord rejected) {
    }

    private final List<String> columns;
    private final List<String> key;
    private final int[] keyIndexes;
    private final String file;
    private final Instant updatedAt;

    /**
     * @throws InvalidConfigException naming {@code config.key[i]} when the file has columns but not that one
     */
    RowRecords(CsvConfig config, List<String> columns, String file, Instant updatedAt) {
        this.columns = columns;
        this.key = config.key();
        this.file = file;
        this.updatedAt = updatedAt;
        this.keyIndexes = new int[key.size()];
        for (int i = 0; i < key.size(); i++) {
            keyIndexes[i] = columns.indexOf(key.get(i));
            if (keyIndexes[i] < 0 && !columns.isEmpty()) {
                throw new InvalidConfigException("config.key[" + i + "]", "column '" + key.get(i) + "' is not "
                        + (config.header() ? "in the header of " : "among the columns (c1, c2, ...) of ") + file);
            }
        }
    }

    Mapped map(CsvRow row) {
        String position = file + ":" + row.line();
        if (row.malformed()) {
            return new Mapped(null, new RejectedRecord(position, row.problem()));
        }
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            data.put(columns.get(i), row.fields().get(i));
        }
        data.put(FILE, file);
        data.put(LINE, row.line());
        for (int i = 0; i < keyIndexes.length; i++) {
            if (row.fields().get(keyIndexes[i]).isEmpty()) {
                return new Mapped(null, new RejectedRecord(position, "key column '" + key.get(i) + "' is empty"));
            }
        }
        return new Mapped(new SourceRecord(externalId(row, position), data, updatedAt), null);
    }

    private String externalId(CsvRow row, String position) {
        if (keyIndexes.length == 0) {
            return position;
        }
        if (keyIndexes.length == 1) {
            return row.fields().get(keyIndexes[0]);
        }
        ArrayNode values = JSON.createArrayNode();
        for (int index : keyIndexes) {
            values.add(row.fields().get(index));
        }
        return JSON.writeValueAsString(values);
    }
}
