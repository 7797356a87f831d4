package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.EtagStore.StoredEtag;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Downloads {@code config.url} for one integration: conditional GETs, retries of failed requests
 * until the body starts (Resilience4j, {@link HttpPolicy}), a body streamed and capped at
 * {@code config.max_bytes}. Redirects are followed here, up to {@value #MAX_REDIRECTS}, and each
 * target must pass the same {@link SourceUrl} rules as the configured URL; the shared client
 * would follow them to any address.
 */
final class CsvClient {

    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "etl-fleet";
    /** Longest 429 wait slept through in the worker; a longer one defers the job. */
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(5);

    private final OkHttpClient http;
    private final CsvConfig config;
    private final HttpPolicy policy;
    private final CsvErrorClassifier classifier;
    private final ResilientRequests requests;
    private final AtomicLong sent = new AtomicLong();

    /** @param http a client that does not follow redirects */
    CsvClient(OkHttpClient http, CsvConfig config, HttpPolicy policy, String integrationId) {
        this.http = http;
        this.config = config;
        this.policy = policy;
        this.classifier = new CsvErrorClassifier(policy.clock(), policy.defaultRateLimitWait());
        this.requests = new ResilientRequests("csv-" + integrationId, policy, MAX_RATE_LIMIT_WAIT);
    }

    /**
     * GETs the file, conditionally when {@code stored} is given ({@code If-None-Match},
     * {@code If-Modified-Since}); the caller closes the answer.
     *
     * @throws ConnectorException classified by {@link CsvErrorClassifier}; permanent when the file
     *         announces more than {@code config.max_bytes}
     */
    Download get(StoredEtag stored) {
        String what = "GET " + SourceUrl.withoutQuery(config.url());
        return requests.execute(what, () -> {
            Request.Builder request = new Request.Builder().get().header("User-Agent", USER_AGENT)
                    .header("Accept", "text/csv, text/plain;q=0.9, */*;q=0.8");
            if (stored != null && !stored.etag().isEmpty()) {
                request.header("If-None-Match", stored.etag());
            }
            String since = stored == null ? null : stored.facts().get(CsvPosition.LAST_MODIFIED);
            if (since != null) {
                request.header("If-Modified-Since", since);
            }
            Response response;
            try {
                response = send(request);
            } catch (IOException e) {
                throw classifier.network(e, what);
            }
            return answer(response, what);
        });
    }

    /**
     * One {@code HEAD} (or, where the server refuses HEAD, a GET of the first byte), without retries;
     * for connection checks. The caller closes the response.
     */
    Response probeOnce() throws IOException {
        Response head = send(new Request.Builder().head().header("User-Agent", USER_AGENT));
        if (head.code() != 405 && head.code() != 501) {
            return head;
        }
        head.close();
        return send(new Request.Builder().get().header("User-Agent", USER_AGENT).header("Range", "bytes=0-0"));
    }

    /** Requests sent so far, retries and redirects included. */
    long requestsSent() {
        return sent.get();
    }

    CsvErrorClassifier classifier() {
        return classifier;
    }

    private Download answer(Response response, String what) {
        Instant fetchedAt = policy.clock().instant();
        if (response.code() == 304) {
            response.close();
            return new Download(true, null, null, null, fetchedAt, fetchedAt);
        }
        if (!response.isSuccessful()) {
            String body;
            try (response) {
                body = response.peekBody(4096).string();
            } catch (IOException e) {
                body = "";
            }
            throw classifier.classify(response.code(), response.headers(), body, what);
        }
        long length = response.body().contentLength();
        if (length > config.maxBytes()) {
            response.close();
            throw new ConnectorException(what + ": the file is " + length + " bytes, larger than config.max_bytes ("
                    + config.maxBytes() + " bytes); raise config.max_bytes or split the file");
        }
        Instant modified = response.headers().getInstant("Last-Modified");
        return new Download(false, new CappedInputStream(response.body().byteStream(), config.maxBytes()),
                response.header("ETag"), response.header("Last-Modified"), modified == null ? fetchedAt : modified,
                fetchedAt);
    }

    private Response send(Request.Builder request) throws IOException {
        HttpUrl url = config.url();
        for (int redirects = 0; ; redirects++) {
            sent.incrementAndGet();
            Response response = http.newCall(request.url(url).build()).execute();
            if (!response.isRedirect()) {
                return response;
            }
            String location = response.header("Location");
            response.close();
            HttpUrl next = location == null ? null : url.resolve(location);
            String from = "GET " + SourceUrl.withoutQuery(url);
            if (next == null) {
                throw new ConnectorException(from + " redirects without a usable Location");
            }
            String refusal = SourceUrl.refusal(next);
            if (refusal != null) {
                throw new ConnectorException(from + " redirects to " + SourceUrl.withoutQuery(next)
                        + ", which is not followed: a source URL " + refusal);
            }
            if (redirects == MAX_REDIRECTS) {
                throw new ConnectorException(from + " redirects more than " + MAX_REDIRECTS + " times");
            }
            url = next;
        }
    }
}
