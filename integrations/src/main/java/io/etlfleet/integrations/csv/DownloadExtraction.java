package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.EtagStore;
import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import java.io.InputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the file at {@code config.url}. An incremental run asks conditionally with the validators
 * stored after the last complete run; a 304 gives one empty page (counted as not modified) and
 * keeps the cursor. Validators are saved only once the last page was committed, and full runs
 * ask unconditionally (they save validators too). A resumed run downloads the file again and
 * skips the rows already handed on, unless the file changed meanwhile: then it reads it from
 * the start. Each re-read of the file ({@link CsvRows}) is a new GET; a file that changes
 * between them fails the run retriably.
 */
final class DownloadExtraction {

    private static final Logger log = LoggerFactory.getLogger(DownloadExtraction.class);

    private final CsvConfig config;
    private final CsvClient client;
    private final EtagStore etags;
    private final String integrationId;
    private final Clock clock;

    DownloadExtraction(CsvConfig config, CsvClient client, EtagStore etags, String integrationId, Clock clock) {
        this.config = config;
        this.client = client;
        this.etags = etags;
        this.integrationId = integrationId;
        this.clock = clock;
    }

    void run(ExtractRequest request, PageSink sink) {
        String url = SourceUrl.withoutQuery(config.url());
        String endpoint = config.url().encodedPath();
        StoredEtag stored = request.mode() == SyncMode.INCREMENTAL && !request.resuming()
                ? etags.find(integrationId, url).orElse(null) : null;
        FilePages pages = new FilePages(config, sink, clock, client::requestsSent);
        try (Download first = client.get(stored)) {
            if (first.notModified()) {
                pages.emitEmpty(endpoint, stored == null || stored.etag().isEmpty() ? null : stored.etag(), request.cursor(),
                        Map.of(Page.NOT_MODIFIED, 1L));
                return;
            }
            Map<String, String> checkpoint = new HashMap<>(Map.of(CsvPosition.FILE_ID, url));
            if (first.validator() != null) {
                checkpoint.put(CsvPosition.VALIDATOR, first.validator());
            }
            CsvFile file = new CsvFile(url, SourceUrl.fileName(config.url()), first.modifiedAt(), endpoint,
                    first.etag(), new Rereads(first));
            if (pages.read(new FilePages.Plan(file, skip(request, first), checkpoint, Map.of(), cursor(first)))
                    && first.validator() != null) {
                etags.save(integrationId, url, stored(first));
            }
        }
    }

    private long skip(ExtractRequest request, Download first) {
        if (!request.resuming()) {
            return 0;
        }
        String before = request.resumeFrom().get(CsvPosition.VALIDATOR);
        if (before != null && !before.equals(first.validator())) {
            log.warn("csv integration {}: {} changed since the interrupted run; reading it from the start",
                    integrationId, SourceUrl.withoutQuery(config.url()));
            return 0;
        }
        return UploadExtraction.rowsConsumed(request.resumeFrom());
    }

    private static Map<String, String> cursor(Download download) {
        Map<String, String> cursor = new HashMap<>(Map.of(CsvPosition.FETCHED_AT, download.fetchedAt().toString()));
        if (download.etag() != null) {
            cursor.put(CsvPosition.ETAG, download.etag());
        }
        if (download.lastModified() != null) {
            cursor.put(CsvPosition.LAST_MODIFIED, download.lastModified());
        }
        return cursor;
    }

    private static StoredEtag stored(Download download) {
        return new StoredEtag(download.etag() == null ? "" : download.etag(), download.lastModified() == null
                ? Map.of() : Map.of(CsvPosition.LAST_MODIFIED, download.lastModified()));
    }

    /** The first download's body, then a fresh GET of the same version for every re-read. */
    private final class Rereads implements CsvRows.Source {

        private final Download first;
        private boolean firstUsed;

        Rereads(Download first) {
            this.first = first;
        }

        @Override
        public InputStream open() {
            if (!firstUsed) {
                firstUsed = true;
                return first.body();
            }
            Download again = client.get(null);
            if (!Objects.equals(again.validator(), first.validator())) {
                again.close();
                throw new RetriableConnectorException(SourceUrl.withoutQuery(config.url())
                        + " changed while it was read; the run is retried");
            }
            return again.body();
        }
    }
}
