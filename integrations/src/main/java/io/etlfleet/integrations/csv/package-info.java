/**
 * The {@code csv} source: the rows of one CSV file at {@code config.url}, or of the files uploaded
 * to the integration ({@code POST /integrations/{id}/files}), parsed with FastCSV.
 *
 * <h2>Config ({@link io.etlfleet.integrations.csv.CsvConfig}; errors name the field, e.g. {@code config.key[1]})</h2>
 * <table>
 * <caption>keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code config.url}</td><td>none: uploaded files</td><td>https URL of one CSV file (plain http only
 *     to localhost); no user info; no link-local, unspecified or metadata address, also for every redirect
 *     (at most 5, followed by the connector)</td></tr>
 * <tr><td>{@code config.max_bytes}</td><td>1 GiB</td><td>largest download; a larger one fails permanently</td></tr>
 * <tr><td>{@code config.delimiter}</td><td>{@code ,}</td><td>one character</td></tr>
 * <tr><td>{@code config.quote}</td><td>{@code "}</td><td>one character, not the delimiter; doubled inside a quoted field</td></tr>
 * <tr><td>{@code config.header}</td><td>{@code true}</td><td>first record names the columns; else {@code c1, c2, ...}</td></tr>
 * <tr><td>{@code config.encoding}</td><td>{@code UTF-8}</td><td>a supported character set; a leading BOM is dropped</td></tr>
 * <tr><td>{@code config.key}</td><td>none</td><td>columns identifying a row; each must be a column of every file read</td></tr>
 * <tr><td>{@code config.entity}</td><td>{@code rows}</td><td>the entity type, {@code [a-z][a-z0-9_]{0,62}}</td></tr>
 * <tr><td>{@code config.page_size}</td><td>1000</td><td>records read per page, 1..10000</td></tr>
 * </table>
 *
 * <h2>Records</h2>
 * One entity type ({@code config.entity}), scope {@code ""}. One record per CSV record: {@code data} is
 * {@code {<column>: <text>, ..., "_file": <file name>, "_line": <first physical line, 1-based>}} (an
 * empty field is {@code ""}; a download's file name is the URL path's last segment); external id =
 * the key column's value, a JSON array of the key values for several columns, or
 * {@code <file name>:<line>} without a key; {@code updatedAt} = the upload time, or the download's
 * {@code Last-Modified} (else the response time). Within a page a repeated external id keeps its last
 * row. Empty lines are skipped (and counted in line numbers).
 *
 * <p>Rejected, on their page as {@code <file>:<line>} with a reason, while the rest loads: a record with
 * another field count than the header (or first record), an empty key value, a quote that never
 * closes or text after a closing quote. FastCSV cannot go on after the last two, so the file is
 * opened again (a download: GET again) and read from the line after the bad record's first line, at
 * most 20 times per file; after that the rest of the file is one rejection. Permanent failures: a
 * header that cannot be parsed, names a column twice or names {@code _file}/{@code _line}; a key
 * column missing from a file ({@code InvalidConfigException} on {@code config.key[i]}); bytes that
 * are not valid in {@code config.encoding}.
 *
 * <h2>Positions ({@link io.etlfleet.integrations.csv.CsvPosition})</h2>
 * Checkpoint {@code {file_id, rows_consumed}} (+ {@code file_uploaded_at} for uploads, + {@code validator}
 * for a download); a page never spans two files; the last page's checkpoint is empty. Cursor of
 * uploads {@code {uploaded_at, file_id}} of the last file read: incremental runs read the files
 * uploaded after it (oldest first). Cursor of a download {@code {fetched_at, etag?, last_modified?}};
 * incremental runs send the validators kept in the ETag store as {@code If-None-Match} /
 * {@code If-Modified-Since}; a 304 gives one empty page ({@code not_modified}) and keeps the cursor;
 * validators are saved only after the last page is committed.
 *
 * <h2>Errors ({@link io.etlfleet.integrations.csv.CsvErrorClassifier})</h2>
 * Network, 408 and 5xx: retried per request ({@code HttpPolicy}), then retriable; 429: rate limit
 * ({@code Retry-After}, a wait over 5 s defers the job); other 4xx: permanent with the status and the
 * start of the body. A body that breaks off mid-file is retriable; the job resumes from its checkpoint.
 * Opening an uploaded file is retried the same way. Messages and stored URLs never carry the URL's query.
 *
 * <h2>Known limits</h2>
 * An upload whose uploadedAt is before the cursor's is read only by a full run. Without a header, a
 * first record that cannot be parsed fails the file (its width is unknown). Resuming re-parses the
 * file up to the checkpoint.
 */
package io.etlfleet.integrations.csv;
