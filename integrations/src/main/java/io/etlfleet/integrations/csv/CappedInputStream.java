package io.etlfleet.integrations.csv;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails a read that would take a stream past {@code config.max_bytes}, so a huge download stops early. */
final class CappedInputStream extends FilterInputStream {

    private final long maxBytes;
    private long read;

    CappedInputStream(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void count(long n) throws TooLargeException {
        read += n;
        if (read > maxBytes) {
            throw new TooLargeException("larger than config.max_bytes (" + maxBytes
                    + " bytes); raise config.max_bytes or split the file");
        }
    }

    /** The stream went past its cap. Permanent: the same file is as large next time. */
    static final class TooLargeException extends IOException {

        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }
}
