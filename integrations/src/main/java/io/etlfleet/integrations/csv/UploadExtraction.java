package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UploadedFiles;
import io.etlfleet.integrations.spi.UploadedFiles.StoredFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads the integration's uploaded files in upload order (uploadedAt, then id): all of them in
 * a full run, those uploaded after the cursor in an incremental one. The cursor is the last file
 * read, so the next incremental run reads only newer uploads; an identical re-upload keeps its
 * file (same id and uploadedAt) and is not read again. A resumed run starts at its checkpoint's
 * file, skipping the rows already handed on. Opening a file that fails (the runtime's store is
 * unreachable) is retried as {@link HttpPolicy} says, then fails the run retriably.
 *
 * <p>Known limit: a file whose uploadedAt lies before the cursor's (a clock set back, an upload
 * committed long after it started) is read only by a full run.
 */
final class UploadExtraction {

    private static final Comparator<Position> ORDER = Comparator.comparing(Position::uploadedAt)
            .thenComparing(Position::id);

    /** Where a file sits in upload order. */
    private record Position(Instant uploadedAt, String id) {

        static Position of(StoredFile file) {
            return new Position(file.uploadedAt(), file.id());
        }

        /** The position named by {@code keys} (a cursor or checkpoint), or null when it names none. */
        static Position of(Map<String, String> keys, String uploadedAtKey) {
            String id = keys.get(CsvPosition.FILE_ID);
            String at = keys.get(uploadedAtKey);
            try {
                return id == null || at == null ? null : new Position(Instant.parse(at), id);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    private final CsvConfig config;
    private final UploadedFiles files;
    private final String integrationId;
    private final HttpPolicy policy;
    private final ResilientRequests opens;

    UploadExtraction(CsvConfig config, UploadedFiles files, String integrationId, HttpPolicy policy) {
        this.config = config;
        this.files = files;
        this.integrationId = integrationId;
        this.policy = policy;
        this.opens = new ResilientRequests("csv-files-" + integrationId, policy, Duration.ZERO);
    }

    void run(ExtractRequest request, PageSink sink) {
        Position after = request.mode() == SyncMode.INCREMENTAL
                ? Position.of(request.cursor(), CsvPosition.UPLOADED_AT) : null;
        Position resumeAt = Position.of(request.resumeFrom(), CsvPosition.FILE_UPLOADED_AT);
        List<StoredFile> toRead = files.list(integrationId).stream()
                .filter(file -> after == null || ORDER.compare(Position.of(file), after) > 0)
                .filter(file -> resumeAt == null || ORDER.compare(Position.of(file), resumeAt) >= 0)
                .sorted(Comparator.comparing(Position::of, ORDER))
                .toList();
        FilePages pages = new FilePages(config, sink, policy.clock(), () -> 0);
        if (toRead.isEmpty()) {
            pages.emitEmpty(filesEndpoint(), null, request.cursor(), Map.of());
            return;
        }
        for (int i = 0; i < toRead.size(); i++) {
            StoredFile file = toRead.get(i);
            long skip = resumeAt != null && file.id().equals(resumeAt.id()) ? rowsConsumed(request.resumeFrom()) : 0;
            Map<String, String> done = i + 1 < toRead.size() ? start(toRead.get(i + 1)) : Map.of();
            Map<String, String> cursor = Map.of(CsvPosition.UPLOADED_AT, file.uploadedAt().toString(),
                    CsvPosition.FILE_ID, file.id());
            if (!pages.read(new FilePages.Plan(csvFile(file), skip, start(file), done, cursor))) {
                return;
            }
        }
    }

    private CsvFile csvFile(StoredFile file) {
        return new CsvFile(file.id(), file.name(), file.uploadedAt(), filesEndpoint() + "/" + file.id(), null,
                () -> open(file));
    }

    private InputStream open(StoredFile file) {
        return opens.execute("open uploaded file " + file.name(), () -> {
            try {
                return files.open(integrationId, file.id());
            } catch (IOException e) {
                throw new RetriableConnectorException("cannot open uploaded file " + file.name() + " (" + file.id()
                        + "): " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
            }
        });
    }

    /** The checkpoint of a file's first row. */
    private static Map<String, String> start(StoredFile file) {
        return Map.of(CsvPosition.FILE_ID, file.id(), CsvPosition.FILE_UPLOADED_AT, file.uploadedAt().toString(),
                CsvPosition.ROWS_CONSUMED, "0");
    }

    private String filesEndpoint() {
        return "/integrations/" + integrationId + "/files";
    }

    static long rowsConsumed(Map<String, String> checkpoint) {
        try {
            return Math.max(0, Long.parseLong(checkpoint.getOrDefault(CsvPosition.ROWS_CONSUMED, "0")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
