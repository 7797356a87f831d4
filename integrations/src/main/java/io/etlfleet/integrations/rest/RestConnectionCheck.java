package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.RateLimitedException;
import java.io.IOException;
import okhttp3.HttpUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link RestConnector#testConnection()}: the first page of the first stream, as a full run asks
 * it, once, without retries or waiting. Network error: unreachable; 401, 403: bad credentials;
 * 404: not found; a rate limit: rate limited; 5xx, another 4xx, a redirect off the host, or an
 * answer without the array at {@code records_path}: a source error. Messages never carry a secret.
 */
final class RestConnectionCheck {

    private static final JsonItems ITEMS = new JsonItems(JsonMapper.builder().build());

    private final RestClient client;

    RestConnectionCheck(RestClient client) {
        this.client = client;
    }

    ConnectionCheck run() {
        RestConfig config = client.config();
        RestStream stream = config.streams().get(0);
        HttpUrl url = stream.pagination().url(stream.firstUrl(config.baseUrl(), null), stream.pagination().first());
        String what = "GET " + RestResponse.endpoint(url) + " (stream " + stream.name() + ")";
        RestResponse response;
        try {
            response = client.getOnce(url, null);
        } catch (IOException e) {
            return check(Outcome.UNREACHABLE, "cannot reach " + config.baseUrl() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (ConnectorException refused) {
            return check(Outcome.SOURCE_ERROR, refused.getMessage());
        }
        if (response.successful()) {
            try {
                return ITEMS.ofArrayAt(response.body(), stream.recordsPath()).items()
                        .map(items -> ConnectionCheck.ok(what + " answered " + items.size() + " records"))
                        .orElseGet(() -> check(Outcome.SOURCE_ERROR, what + " answered, but without an array of records"
                                + " at records_path \"" + stream.recordsPath() + "\""));
            } catch (JacksonException notJson) {
                return check(Outcome.SOURCE_ERROR, what + " did not answer JSON; is config.base_url the API's root?");
            }
        }
        ConnectorException error = client.classifier().classify(response);
        if (error instanceof RateLimitedException limited) {
            return check(Outcome.RATE_LIMITED, "rate limited until " + limited.resetAt() + ": " + error.getMessage());
        }
        return switch (response.status()) {
            case 401, 403 -> check(Outcome.BAD_CREDENTIALS, error.getMessage());
            case 404 -> check(Outcome.NOT_FOUND, error.getMessage());
            default -> check(Outcome.SOURCE_ERROR, error.getMessage());
        };
    }

    private ConnectionCheck check(Outcome outcome, String message) {
        return new ConnectionCheck(outcome, client.config().auth().redact(message));
    }
}
