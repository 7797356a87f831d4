package io.etlfleet.integrations.csv;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A CSV file of {@code rows} rows ({@code id,name,note}) produced as it is read, never held whole. */
final class GeneratedCsv extends InputStream {

    private final int rows;
    private int next;
    private byte[] line = "id,name,note\n".getBytes(StandardCharsets.UTF_8);
    private int position;
    private long produced;

    GeneratedCsv(int rows) {
        this.rows = rows;
    }

    /** Bytes handed out so far. */
    long produced() {
        return produced;
    }

    @Override
    public int read() {
        if (position == line.length && !nextLine()) {
            return -1;
        }
        produced++;
        return line[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (position == line.length && !nextLine()) {
            return -1;
        }
        int n = Math.min(length, line.length - position);
        System.arraycopy(line, position, buffer, offset, n);
        position += n;
        produced += n;
        return n;
    }

    private boolean nextLine() {
        if (next == rows) {
            return false;
        }
        next++;
        line = (next + ",name " + next + ",\"a note, with a comma\nand a line break\"\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
