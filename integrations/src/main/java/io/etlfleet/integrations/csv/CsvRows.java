package io.etlfleet.integrations.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The rows of one CSV file, streamed with FastCSV: first {@link #columns()}, then each record
 * in file order, malformed ones included (marked with their problem) so that the caller can
 * reject them and go on.
 *
 * <p>A record FastCSV cannot parse (a quote that never closes, text after a closing quote)
 * leaves its reader unable to go on. The file is then opened again and read from the line after
 * that record's first line, which is how a person would read it: a stray quote on line 7 spoils
 * line 7, not the rest of the file. That re-reads the file from its start, so it is done at most
 * {@value #MAX_REOPENS} times per file; after that, the rest of the file is rejected as one
 * record. Text is decoded strictly: bytes that are not valid in {@code config.encoding} fail the
 * file instead of turning into replacement characters.
 */
final class CsvRows implements Closeable {

    static final int MAX_REOPENS = 20;
    static final Set<String> RESERVED = Set.of(RowRecords.FILE, RowRecords.LINE);
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Opens the file's bytes from their start; called again for every re-read. */
    @FunctionalInterface
    interface Source {
        InputStream open() throws IOException;
    }

    private final String file;
    private final Source source;
    private final CsvConfig config;
    private CsvReader<CsvRow> reader;
    private Iterator<CsvRow> records;
    private FieldsHandler handler;
    private List<String> columns;
    private CsvRow pending;
    private int reopens;
    private boolean ended;

    CsvRows(String file, Source source, CsvConfig config) {
        this.file = file;
        this.source = source;
        this.config = config;
    }

    /**
     * The header's column names, or {@code c1..cN} for the first record's N fields when
     * {@code config.header} is false; empty for a file without records.
     *
     * @throws ConnectorException (permanent) when the header cannot be parsed or names a column twice
     */
    List<String> columns() {
        if (columns != null) {
            return columns;
        }
        open(0);
        CsvRow first;
        try {
            first = records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            throw new ConnectorException(file + ": the first record (line " + handler.currentLine()
                    + ") cannot be parsed: " + reason(e));
        } catch (UncheckedIOException e) {
            throw failure(e.getCause());
        }
        if (first == null) {
            columns = List.of();
        } else if (config.header()) {
            columns = checkedHeader(first);
        } else {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= first.fields().size(); i++) {
                names.add("c" + i);
            }
            columns = List.copyOf(names);
            pending = first;
        }
        return columns;
    }

    boolean hasNext() {
        columns();
        if (pending == null && !ended) {
            pending = fetch();
            ended = pending == null;
        }
        return pending != null;
    }

    CsvRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRow row = pending;
        pending = null;
        if (!row.malformed() && row.fields().size() != columns.size()) {
            return CsvRow.malformed(row.line(), "has " + row.fields().size() + " fields where "
                    + (config.header() ? "the header has " : "the first record has ") + columns.size());
        }
        return row;
    }

    @Override
    public void close() {
        closeReader();
    }

    private CsvRow fetch() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            long line = handler.currentLine();
            String problem = reason(e);
            if (reopens++ >= MAX_REOPENS) {
                closeReader();
                records = List.<CsvRow>of().iterator();
                return CsvRow.malformed(line, problem + "; the rest of the file from this line is not read: more than "
                        + MAX_REOPENS + " records of it could not be parsed");
            }
            open(line);
            return CsvRow.malformed(line, problem);
        } catch (UncheckedIOException e) {
            throw failure(e.getCause());
        }
    }

    /** (Re)opens the file and skips its first {@code lines} physical lines. */
    private void open(long lines) {
        closeReader();
        handler = new FieldsHandler();
        InputStream bytes = null;
        try {
            bytes = source.open();
            BufferedReader text = new BufferedReader(new InputStreamReader(bytes, config.encoding().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                    64 * 1024);
            text.mark(1);
            if (text.read() != BYTE_ORDER_MARK) {
                text.reset();
            }
            reader = CsvReader.builder()
                    .fieldSeparator(config.delimiter())
                    .quoteCharacter(config.quote())
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .allowUnclosedQuote(false)
                    .build(handler, text);
            bytes = null;
            skip(lines);
        } catch (IOException e) {
            closeQuietly(bytes);
            throw failure(e);
        } catch (UncheckedIOException e) {
            throw failure(e.getCause());
        }
    }

    private void skip(long lines) {
        try {
            for (long skipped = 0; skipped < lines; skipped += Integer.MAX_VALUE) {
                reader.skipLines((int) Math.min(Integer.MAX_VALUE, lines - skipped));
            }
            records = reader.iterator();
        } catch (CsvParseException fewerLines) {
            // The record that could not be parsed was on the file's last line.
            records = List.<CsvRow>of().iterator();
        }
    }

    private List<String> checkedHeader(CsvRow header) {
        Set<String> seen = new HashSet<>();
        for (String name : header.fields()) {
            if (RESERVED.contains(name)) {
                throw new ConnectorException(file + ": the header names a column '" + name
                        + "', which the connector adds itself (the file name and line of each row)");
            }
            if (!seen.add(name)) {
                throw new ConnectorException(file + ": the header names column '" + name + "' twice");
            }
        }
        return List.copyOf(header.fields());
    }

    private ConnectorException failure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return new ConnectorException(file + " is not valid " + config.encoding().name() + " text (near line "
                    + handler.currentLine() + "); set config.encoding to the file's character set");
        }
        if (e instanceof CappedInputStream.TooLargeException tooLarge) {
            return new ConnectorException(file + ": " + tooLarge.getMessage());
        }
        return new RetriableConnectorException("reading " + file + " failed: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }

    /** FastCSV's message without its own line note (the rejection names the line). */
    private static String reason(CsvParseException e) {
        String message = String.valueOf(e.getMessage()).replaceAll(" ?\\(record starting at line \\d+\\)", "");
        if (message.startsWith("Unclosed quoted field")) {
            return "unterminated quote: a quoted field is not closed before the end of the file";
        }
        return "malformed CSV: " + message;
    }

    private void closeReader() {
        if (reader != null) {
            closeQuietly(reader);
            reader = null;
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | UncheckedIOException ignored) {
            // Nothing more is read from it.
        }
    }
}
