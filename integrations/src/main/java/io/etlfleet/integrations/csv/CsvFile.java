package io.etlfleet.integrations.csv;

import java.time.Instant;

/**
 * One CSV file to read: an uploaded file or the file at {@code config.url}.
 *
 * @param id        the uploaded file's id, or the URL without its query
 * @param name      the file name, as {@code _file} and in rejection positions
 * @param updatedAt every record's {@code updatedAt}: when the file was uploaded, or its {@code Last-Modified}
 * @param endpoint  where the rows came from, stored with them (no credentials, no query)
 * @param etag      the response's ETag for a download; null otherwise
 * @param source    opens the file's bytes from the start, as often as a re-read needs
 */
record CsvFile(String id, String name, Instant updatedAt, String endpoint, String etag, CsvRows.Source source) {
}
