package io.etlfleet.integrations.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * A download's answer: a 304, or a success whose body is still to be streamed.
 *
 * @param body         the bytes, capped at {@code config.max_bytes}; null for a 304
 * @param etag         the {@code ETag} header, when sent
 * @param lastModified the {@code Last-Modified} header as sent, when sent
 * @param modifiedAt   {@code Last-Modified} read as an instant, else {@code fetchedAt}
 * @param fetchedAt    when the answer's headers arrived
 */
record Download(boolean notModified, InputStream body, String etag, String lastModified, Instant modifiedAt,
        Instant fetchedAt) implements Closeable {

    /** What tells this version of the file from another: the ETag, else Last-Modified; null without either. */
    String validator() {
        return etag != null ? etag : lastModified;
    }

    @Override
    public void close() {
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // The connection is discarded either way.
            }
        }
    }
}
