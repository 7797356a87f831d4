package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.UploadedFiles;
import java.io.IOException;
import okhttp3.Response;

/**
 * {@link CsvConnector#testConnection()}. With {@code config.url}: one {@code HEAD} (a GET of the
 * first byte where HEAD is refused), no retries: network error → unreachable; 401/403 → bad
 * credentials; 404/410 → not found; 429 → rate limited; a file announced larger than
 * {@code config.max_bytes} or a refused redirect → bad config; anything else unexpected → source
 * error. With uploaded files: ok when the integration has at least one, else not found.
 */
final class CsvConnectionCheck {

    private final CsvConfig config;
    private final CsvClient client;
    private final UploadedFiles files;
    private final String integrationId;

    CsvConnectionCheck(CsvConfig config, CsvClient client, UploadedFiles files, String integrationId) {
        this.config = config;
        this.client = client;
        this.files = files;
        this.integrationId = integrationId;
    }

    ConnectionCheck run() {
        return config.downloads() ? checkUrl() : checkFiles();
    }

    private ConnectionCheck checkFiles() {
        int count;
        try {
            count = files.list(integrationId).size();
        } catch (RuntimeException e) {
            return new ConnectionCheck(Outcome.SOURCE_ERROR, "cannot list the uploaded files: " + e.getMessage());
        }
        if (count == 0) {
            return new ConnectionCheck(Outcome.NOT_FOUND, "no files uploaded to this integration yet: upload one with "
                    + "POST /integrations/" + integrationId + "/files (multipart field file), or set config.url");
        }
        return ConnectionCheck.ok(count + (count == 1 ? " file" : " files") + " uploaded");
    }

    private ConnectionCheck checkUrl() {
        String url = SourceUrl.withoutQuery(config.url());
        try (Response response = client.probeOnce()) {
            int status = response.code();
            String detail = " (" + status + ") at " + url;
            if (response.isSuccessful()) {
                return sized(response, url);
            }
            if (status == 401 || status == 403) {
                return new ConnectionCheck(Outcome.BAD_CREDENTIALS, "the server refuses access to the file" + detail);
            }
            if (status == 404 || status == 410) {
                return new ConnectionCheck(Outcome.NOT_FOUND, "no file" + detail);
            }
            if (status == 429) {
                return new ConnectionCheck(Outcome.RATE_LIMITED, "the server limits requests" + detail);
            }
            return new ConnectionCheck(Outcome.SOURCE_ERROR, "unexpected answer" + detail);
        } catch (ConnectorException e) {
            return new ConnectionCheck(Outcome.BAD_CONFIG, e.getMessage());
        } catch (IOException e) {
            return new ConnectionCheck(Outcome.UNREACHABLE, "cannot reach " + url + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private ConnectionCheck sized(Response response, String url) {
        String length = response.code() == 206 ? rangeTotal(response.header("Content-Range"))
                : response.header("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBytes()) {
            return new ConnectionCheck(Outcome.BAD_CONFIG, url + " is " + length + " bytes, larger than config.max_bytes ("
                    + config.maxBytes() + ")");
        }
        return ConnectionCheck.ok(url + " is readable" + (length == null ? "" : " (" + length + " bytes)"));
    }

    /** The total of {@code bytes 0-0/1234}; null when unknown. */
    private static String rangeTotal(String contentRange) {
        if (contentRange == null || !contentRange.contains("/")) {
            return null;
        }
        String total = contentRange.substring(contentRange.indexOf('/') + 1).trim();
        return total.equals("*") ? null : total;
    }
}
