package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.util.List;

/**
 * The {@code rest} connector for one integration: each configured stream is an entity type, in
 * config order, without scopes. Retries single requests, sleeps through short rate limits and
 * defers long ones to the runtime; never retries a whole run.
 */
public final class RestConnector implements Connector {

    private final RestConfig config;
    private final RestClient client;

    RestConnector(RestConfig config, RestClient client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public String type() {
        return RestConnectorFactory.TYPE;
    }

    @Override
    public List<String> entityTypes() {
        return config.streams().stream().map(RestStream::name).toList();
    }

    @Override
    public List<String> scopes(String entityType) {
        stream(entityType);
        return List.of("");
    }

    /** See {@link StreamExtraction}. */
    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        new StreamExtraction(client, stream(request.entityType())).run(request, sink);
    }

    /** See {@link RestConnectionCheck}. */
    @Override
    public ConnectionCheck testConnection() {
        return new RestConnectionCheck(client).run();
    }

    /** Nothing to release: the HTTP client is shared by the factory. */
    @Override
    public void close() {
    }

    private RestStream stream(String entityType) {
        return config.stream(entityType).orElseThrow(() -> new UnsupportedEntityException(type(), entityType));
    }
}
