package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.CircuitBreakers;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ConnectorSettings;
import okhttp3.OkHttpClient;

/**
 * Creates {@link RestConnector}s: a declarative source for any JSON REST API, each configured
 * stream an entity type. Thread-safe; connectors share the OkHttp connection pool, the runtime's
 * budgets and ETag store, and one circuit breaker per integration id.
 *
 * <h2>Config</h2>
 * <pre>
 * config.base_url                      required; http or https, no query, fragment or user info. Every request,
 *                                      next-page URL and redirect stays on its scheme, host and port
 * config.max_rate_limit_wait_seconds   longest rate-limit wait slept through in the worker (0-86400, default 60);
 *                                      a longer one defers the job (RateLimitedException)
 * config.auth                          optional (none: no authentication)
 *   {"type":"bearer"}                  Authorization: Bearer credentials.token
 *   {"type":"basic"}                   Authorization: Basic of credentials.username and credentials.password
 *   {"type":"api_key","header":"X-API-Key"}      the header carries [config.auth.prefix (default "")]credentials.api_key
 *   {"type":"api_key","query_param":"api_key"}   every request carries ?api_key=credentials.api_key
 * config.streams[i]                    1 to 100 streams:
 *   .name                              required; the entity type, [a-z][a-z0-9_]{0,62}, unique
 *   .path                              required; below base_url, e.g. /v1/orders (no query: use params)
 *   .params                            query parameters of the first request, {"status":"all","per_page":100}
 *   .records_path                      JSON pointer to the array of records, e.g. /data; "" or absent: the body
 *                                      is the array
 *   .primary_key                       required; fields or JSON pointers, ["id"] or ["/account/id","number"];
 *                                      external id = the value of one key, the JSON array of several
 *                                      ([12,"a"]); a record without it is rejected, the rest stored
 *   .cursor_field                      field or pointer of the change time, e.g. updated_at: the records'
 *                                      updatedAt (ISO-8601 or epoch seconds/millis) and the cursor
 *   .cursor_param                      query parameter for the cursor, e.g. updated_since: an incremental
 *                                      run sends cursor_param=&lt;the greatest cursor_field value the last
 *                                      run committed&gt;; a full run sends none. Needs cursor_field
 *   .pagination                        absent: one request. Otherwise {"type": ...}:
 *     link_header                      follows the Link header's rel="next" (absolute or relative)
 *     next_url    next_url_path        required; pointer to the next page's URL in the body, absolute or
 *                                      relative; null, absent or "" on the last page
 *     cursor      token_path           required; pointer to the next page's token in the body; null,
 *                                      absent or "" on the last page
 *                 token_param          required; query parameter the token is sent as
 *     offset      limit                page size sent as limit_param (1-100000); absent: not sent
 *                 offset_param         default offset; from 0, advanced by the items of each page
 *                 limit_param          default limit
 *                                      ends on an empty page or one shorter than limit
 *     page        size                 page size sent as size_param (1-100000); absent: not sent
 *                 page_param           default page
 *                 size_param           default per_page
 *                 start                first page number, default 1
 *                                      ends on an empty page or one shorter than size
 * </pre>
 * Unknown keys of a stream, its pagination or auth are refused, naming the key. Errors name the
 * field: {@code config.streams[1].pagination.type}, {@code credentials.token}, {@code config.base_url}.
 *
 * <p>Cursor {@code {cursor_field, cursor_value}}; checkpoint {@code next_url | next_token |
 * next_offset | next_page}, {@code cursor_value}, {@code from_cursor} (see {@link StreamExtraction}).
 * A {@code limit} or {@code size} above what the API serves ends the stream after its first
 * page: the API's shorter page reads as the last.
 */
public final class RestConnectorFactory implements ConnectorFactory {

    public static final String TYPE = "rest";

    private final OkHttpClient http;
    private final HttpPolicy policy;
    private final ConnectorServices services;
    private final CircuitBreakers breakers;

    public RestConnectorFactory(OkHttpClient http, HttpPolicy policy, ConnectorServices services) {
        // Redirects are followed by RestClient, which keeps them on the base URL's host.
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.policy = policy;
        this.services = services;
        this.breakers = new CircuitBreakers(policy.circuitBreaker());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        RestConfig config = RestConfig.from(settings);
        return new RestConnector(config, new RestClient(http, config, policy, settings.integrationId(), services,
                breakers.forName("rest-" + settings.integrationId())));
    }

    @Override
    public void validate(ConnectorSettings settings) {
        RestConfig.from(settings);
    }
}
