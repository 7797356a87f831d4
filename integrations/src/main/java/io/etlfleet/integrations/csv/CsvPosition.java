package io.etlfleet.integrations.csv;

/**
 * Keys of the csv connector's checkpoints and cursors.
 *
 * <p>Checkpoint (where a resumed run continues): {@value #FILE_ID} and {@value #ROWS_CONSUMED},
 * the records of that file already handed on (malformed ones included; the header not); for an
 * uploaded file also {@value #FILE_UPLOADED_AT}, so the position survives the file's deletion;
 * for a download {@value #VALIDATOR}, the response's ETag or Last-Modified, so a changed file is
 * read again from its start rather than skipped into.
 *
 * <p>Cursor of uploaded files: the last file read, {@value #UPLOADED_AT} and {@value #FILE_ID};
 * an incremental run reads the files uploaded after it. Cursor of a download: {@value #FETCHED_AT}
 * and the response's {@value #ETAG} and {@value #LAST_MODIFIED} when it sent them (its conditional
 * requests use the validators kept in the ETag store).
 */
final class CsvPosition {

    static final String FILE_ID = "file_id";
    static final String FILE_UPLOADED_AT = "file_uploaded_at";
    static final String ROWS_CONSUMED = "rows_consumed";
    static final String VALIDATOR = "validator";

    static final String UPLOADED_AT = "uploaded_at";
    static final String FETCHED_AT = "fetched_at";
    static final String ETAG = "etag";
    static final String LAST_MODIFIED = "last_modified";

    private CsvPosition() {
    }
}
