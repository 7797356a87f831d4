package io.etlfleet.integrations.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects each record's fields for FastCSV and remembers on which line the record in progress
 * began, which a parse error does not otherwise tell. Bounds what one record may hold, so a file
 * without line breaks cannot fill the heap.
 */
final class FieldsHandler extends AbstractBaseCsvCallbackHandler<CsvRow> {

    static final int MAX_FIELDS = 16_384;
    static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private List<String> fields = new ArrayList<>();
    private long recordChars;

    /** The first line of the record being parsed (or last parsed). */
    long currentLine() {
        return getStartingLineNumber();
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        fields = new ArrayList<>();
        recordChars = 0;
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        recordChars += len;
        if (fieldIdx >= MAX_FIELDS) {
            throw new CsvParseException("more than " + MAX_FIELDS + " fields");
        }
        if (recordChars > MAX_RECORD_CHARS) {
            throw new CsvParseException("more than " + MAX_RECORD_CHARS + " characters in one record");
        }
        fields.add(new String(buf, offset, len));
    }

    @Override
    protected CsvRow buildRecord() {
        return new CsvRow(getStartingLineNumber(), fields, null);
    }
}
