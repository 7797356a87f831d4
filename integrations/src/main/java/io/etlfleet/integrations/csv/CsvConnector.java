package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.util.List;

/**
 * The CSV connector for one integration: one entity type ({@code config.entity}) without
 * scopes, whose records are the rows of the file at {@code config.url} or of the integration's
 * uploaded files. Malformed rows are rejected on their page with their file and line; the rest
 * of the file goes on.
 */
public final class CsvConnector implements Connector {

    private final CsvConfig config;
    private final CsvClient client;
    private final ConnectorServices services;
    private final HttpPolicy policy;
    private final String integrationId;

    CsvConnector(CsvConfig config, CsvClient client, ConnectorServices services, HttpPolicy policy,
            String integrationId) {
        this.config = config;
        this.client = client;
        this.services = services;
        this.policy = policy;
        this.integrationId = integrationId;
    }

    @Override
    public String type() {
        return CsvConnectorFactory.TYPE;
    }

    @Override
    public List<String> entityTypes() {
        return List.of(config.entity());
    }

    @Override
    public List<String> scopes(String entityType) {
        requireSupported(entityType);
        return List.of("");
    }

    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        requireSupported(request.entityType());
        if (config.downloads()) {
            new DownloadExtraction(config, client, services.etags(), integrationId, policy.clock()).run(request, sink);
        } else {
            new UploadExtraction(config, services.files(), integrationId, policy).run(request, sink);
        }
    }

    /** See {@link CsvConnectionCheck}. */
    @Override
    public ConnectionCheck testConnection() {
        return new CsvConnectionCheck(config, client, services.files(), integrationId).run();
    }

    /** Nothing to release: the HTTP client is shared by the factory. */
    @Override
    public void close() {
    }

    private void requireSupported(String entityType) {
        if (!config.entity().equals(entityType)) {
            throw new UnsupportedEntityException(type(), entityType);
        }
    }
}
