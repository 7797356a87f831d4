package io.etlfleet.integrations.csv;

import java.util.List;

/**
 * One record of a CSV file as parsed, before it becomes a source record.
 *
 * @param line    1-based number of the record's first physical line
 * @param fields  the field values, exactly as in the file once quotes are removed
 * @param problem why the record is malformed (wrong field count, broken quoting); null when it is not
 */
record CsvRow(long line, List<String> fields, String problem) {

    static CsvRow malformed(long line, String problem) {
        return new CsvRow(line, List.of(), problem);
    }

    boolean malformed() {
        return problem != null;
    }
}
