package io.etlfleet.integrations.spi;

import java.util.List;

/**
 * A source connector bound to one integration (its config and credentials).
 *
 * <p>Lifecycle: created by its {@link ConnectorFactory} for one job, used by one worker
 * thread at a time, then {@link #close() closed}. {@link #extract} blocks while it pages
 * through the source; it may sleep while a rate limit resets (waiting is not a failure).
 *
 * <p>Failures are reported with the {@link ConnectorException} family: a
 * {@link RetriableConnectorException} (network, 5xx, 429) lets the runtime retry the job,
 * anything else is permanent. A connector never retries a whole run itself; it may retry
 * a single request.
 */
public interface Connector extends AutoCloseable {

    /** Integration type this connector serves, e.g. {@code github}. */
    String type();

    /** Entity types this connector can extract, in the order a full sync runs them. */
    List<String> entityTypes();

    /**
     * Scopes to extract for an entity type (repositories, projects, tables), from the
     * integration's config. An entity without scopes returns a single empty string.
     */
    List<String> scopes(String entityType);

    /**
     * Extracts one entity type for one scope and hands each page to {@code sink} in order.
     * Returns after the last page was accepted, or early when {@link PageSink#stopRequested()}
     * turns true at a page boundary.
     *
     * @throws UnsupportedEntityException for an entity type not in {@link #entityTypes()}
     * @throws ConnectorException when the source fails; see the class comment for retry rules
     */
    void extract(ExtractRequest request, PageSink sink);

    /** Checks credentials and reachability without extracting anything. Never throws. */
    ConnectionCheck testConnection();

    @Override
    void close();
}
