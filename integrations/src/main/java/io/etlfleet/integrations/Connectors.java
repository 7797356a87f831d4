package io.etlfleet.integrations;

import io.etlfleet.integrations.csv.CsvConnectorFactory;
import io.etlfleet.integrations.github.GithubConnectorFactory;
import io.etlfleet.integrations.http.GuardedDns;
import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.jira.JiraConnectorFactory;
import io.etlfleet.integrations.jdbc.JdbcConnectorFactory;
import io.etlfleet.integrations.rest.RestConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorServices;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The connector factories by integration type, listed explicitly (GitHub, Jira, JDBC, CSV and REST).
 * Owns the one OkHttp client all HTTP connectors share. Create one per process.
 */
public final class Connectors implements AutoCloseable {

    private final OkHttpClient http;
    private final Map<String, ConnectorFactory> factories = new LinkedHashMap<>();

    public Connectors(OkHttpClient http, HttpPolicy policy) {
        this(http, policy, ConnectorServices.local());
    }

    /** @param services the runtime's shared rate-limit budgets and ETag store (used by GitHub) */
    public Connectors(OkHttpClient http, HttpPolicy policy, ConnectorServices services) {
        this.http = http;
        register(new GithubConnectorFactory(http, policy, services));
        register(new JiraConnectorFactory(http, policy));
        register(new JdbcConnectorFactory(policy));
        register(new CsvConnectorFactory(http, policy, services));
        register(new RestConnectorFactory(http, policy, services));
    }

    /** The production set-up: {@link #defaultHttpClient()} and {@link HttpPolicy#defaults()}. */
    public static Connectors standard() {
        return new Connectors(defaultHttpClient(), HttpPolicy.defaults());
    }

    /** The production set-up with the runtime's shared services. */
    public static Connectors standard(ConnectorServices services) {
        return new Connectors(defaultHttpClient(), HttpPolicy.defaults(), services);
    }

    /**
     * Connect timeout 10 s, read timeout 60 s (GitHub can be slow on large pages); host names
     * resolving to link-local or metadata addresses are refused ({@link GuardedDns}).
     */
    public static OkHttpClient defaultHttpClient() {
        return new OkHttpClient.Builder()
                .dns(new GuardedDns())
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** @throws InvalidConfigException naming {@code type} when no connector serves it */
    public ConnectorFactory factory(String type) {
        ConnectorFactory factory = factories.get(type);
        if (factory == null) {
            throw new InvalidConfigException("type", "unknown integration type '" + type + "'; known: " + types());
        }
        return factory;
    }

    public Set<String> types() {
        return Set.copyOf(factories.keySet());
    }

    /** Stops the shared HTTP client's threads and idle connections. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private void register(ConnectorFactory factory) {
        factories.put(factory.type(), factory);
    }
}
