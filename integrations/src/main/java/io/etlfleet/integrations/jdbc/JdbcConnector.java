package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.ConnectionCheck.Outcome;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.PageSink;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JDBC connector for one integration: each configured table is an entity type (its
 * name as configured, scope {@code ''}), read in keyset pages by {@link TableExtraction}
 * over one read-only connection, which {@link #close()} releases.
 */
public final class JdbcConnector implements Connector {

    private final JdbcConfig config;
    private final JdbcClient client;

    JdbcConnector(JdbcConfig config, JdbcClient client) {
        this.config = config;
        this.client = client;
    }

    @Override
    public String type() {
        return JdbcConnectorFactory.TYPE;
    }

    @Override
    public List<String> entityTypes() {
        return config.tables().stream().map(JdbcConfig.Table::entityType).toList();
    }

    @Override
    public List<String> scopes(String entityType) {
        table(entityType);
        return List.of("");
    }

    @Override
    public void extract(ExtractRequest request, PageSink sink) {
        new TableExtraction(client, table(request.entityType())).run(request, sink);
    }

    /** Connects once and selects every configured column of every table without reading rows. */
    @Override
    public ConnectionCheck testConnection() {
        try {
            return client.once(this::probeTables);
        } catch (SQLException e) {
            String detail = client.classifier().describe(e);
            Outcome outcome = client.classifier().outcome(e);
            return new ConnectionCheck(outcome, switch (outcome) {
                case BAD_CREDENTIALS -> "the database rejected user " + config.user() + " (bad credentials): " + detail;
                case UNREACHABLE -> "cannot reach " + config.safeUrl() + ": " + detail;
                case NOT_FOUND -> "a configured table or column is missing or not readable: " + detail;
                default -> "the database failed the check: " + detail;
            });
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private ConnectionCheck probeTables(Connection connection) throws SQLException {
        List<String> notes = new ArrayList<>();
        for (JdbcConfig.Table table : config.tables()) {
            List<Identifier> columns = table.orderColumns();
            try (PreparedStatement statement = connection.prepareStatement(config.dialect().probeQuery(table.name(), columns))) {
                statement.setQueryTimeout((int) config.queryTimeout().toSeconds());
                try (ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData metadata = rows.getMetaData();
                    for (int i = 1; i <= metadata.getColumnCount(); i++) {
                        if (metadata.isNullable(i) == ResultSetMetaData.columnNullable) {
                            notes.add(table.entityType() + "." + metadata.getColumnLabel(i)
                                    + " is nullable; rows where it is NULL are not extracted");
                        }
                    }
                }
            } catch (SQLException e) {
                if (client.classifier().outcome(e) == Outcome.NOT_FOUND) {
                    return new ConnectionCheck(Outcome.NOT_FOUND, "table " + table.entityType() + " or one of its columns "
                            + table.orderColumnNames() + " is missing or not readable: " + client.classifier().describe(e));
                }
                throw e;
            }
        }
        Set<String> tables = new LinkedHashSet<>(entityTypes());
        return ConnectionCheck.ok(config.dialect().name() + " at " + config.safeUrl() + ": tables " + tables
                + " are readable" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)));
    }

    private JdbcConfig.Table table(String entityType) {
        return config.table(entityType).orElseThrow(() -> new UnsupportedEntityException(type(), entityType));
    }
}
