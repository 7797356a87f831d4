package io.etlfleet.transform.flows;

import io.etlfleet.storage.flows.MappedRow;
import java.util.ArrayList;
import java.util.List;

/** Splits rows into multi-row statements bounded by row count and by the text they carry. */
final class RowGroups {

    private RowGroups() {
    }

    static List<List<MappedRow>> of(List<MappedRow> rows, int maxRows, long maxChars) {
        List<List<MappedRow>> groups = new ArrayList<>();
        List<MappedRow> current = new ArrayList<>();
        long chars = 0;
        for (MappedRow row : rows) {
            long size = chars(row);
            if (!current.isEmpty() && (current.size() == maxRows || chars + size > maxChars)) {
                groups.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(row);
            chars += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static long chars(MappedRow row) {
        long chars = 0;
        for (Object value : row.values().values()) {
            chars += value instanceof String text ? text.length() : 16;
        }
        return chars;
    }
}
