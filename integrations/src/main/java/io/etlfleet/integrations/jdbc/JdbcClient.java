package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.ConnectorException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one read-only connection of a connector, opened on first use. Every unit of work
 * runs in its own read-only transaction (PostgreSQL: {@code BEGIN READ ONLY}; MariaDB: a
 * read-only session; Oracle: {@code SET TRANSACTION READ ONLY}), which ends
 * when the work returns, so no snapshot is held between pages. A retriable failure closes
 * the connection and the work is retried on a fresh one ({@link ResilientRequests}: a few
 * attempts with exponential backoff).
 */
public final class JdbcClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JdbcClient.class);

    /** Opens a connection to the source; the driver's by default, replaceable in tests. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    /** Work on the open connection; may block for up to the query timeout. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final JdbcConfig config;
    private final ConnectionOpener opener;
    private final ResilientRequests requests;
    private final JdbcErrorClassifier classifier;
    private Connection connection;

    JdbcClient(JdbcConfig config, ConnectionOpener opener, ResilientRequests requests) {
        this.config = config;
        this.opener = opener;
        this.requests = requests;
        this.classifier = new JdbcErrorClassifier(config.dialect(), config.password());
    }

    /** {@link DriverManager} with the credentials as connection properties (never in the URL). */
    static ConnectionOpener driverManager(JdbcConfig config) {
        return () -> {
            Properties properties = new Properties();
            properties.setProperty("user", config.user());
            properties.setProperty("password", config.password());
            return DriverManager.getConnection(config.dialect().driverUrl(config.url()), properties);
        };
    }

    JdbcConfig config() {
        return config;
    }

    JdbcErrorClassifier classifier() {
        return classifier;
    }

    /**
     * Runs {@code work} with retries for retriable failures.
     *
     * @param what what the work does, for messages and logs, e.g. {@code read page of sales.orders}
     * @throws ConnectorException classified by {@link JdbcErrorClassifier}
     */
    <T> T execute(String what, SqlWork<T> work) {
        return requests.execute(what, () -> {
            try {
                return once(work);
            } catch (SQLException e) {
                ConnectorException failure = classifier.classify(e, what);
                if (failure.retriable()) {
                    closeQuietly();
                }
                throw failure;
            }
        });
    }

    /** Runs {@code work} once, without retries, handing failures back unclassified. */
    <T> T once(SqlWork<T> work) throws SQLException {
        Connection open = connection();
        try {
            config.dialect().beginReadOnly(open);
            T result = work.run(open);
            open.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(open);
            throw e;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Connection fresh = opener.open();
            try {
                config.dialect().prepare(fresh);
                fresh.setAutoCommit(false);
                fresh.setReadOnly(true);
            } catch (SQLException e) {
                fresh.close();
                throw e;
            }
            connection = fresh;
        }
        return connection;
    }

    private void rollbackQuietly(Connection open) {
        try {
            if (!open.isClosed()) {
                open.rollback();
            }
        } catch (SQLException e) {
            log.debug("rollback after a failure failed too: {}", classifier.describe(e));
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("closing the {} connection failed: {}", config.dialect().name(), classifier.describe(e));
        }
        connection = null;
    }
}
