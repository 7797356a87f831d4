package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.http.HttpPolicy;
import io.etlfleet.integrations.http.ResilientRequests;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real source database for the JDBC connector's tests: runs set-up SQL in UTC and builds
 * connectors for it. {@code items} is the contract tests' table:
 * {@code (id bigint primary key, name varchar, updated_at timestamp with time zone)}.
 */
final class JdbcSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant BASE = Instant.parse("2024-03-01T12:00:00.123456Z");

    private final String url;
    private final String user;
    private final String password;
    private final String utcSession;
    private final String itemsTable;
    private final String createItems;
    final FlakyConnections connections = new FlakyConnections();

    /**
     * @param utcSession  the statement that puts a session in UTC
     * @param itemsTable  the items table's name as configured, e.g. {@code shop.items}
     * @param createItems its {@code create table} statement
     */
    JdbcSource(String url, String user, String password, String utcSession, String itemsTable, String createItems) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.utcSession = utcSession;
        this.itemsTable = itemsTable;
        this.createItems = createItems;
    }

    String url() {
        return url;
    }

    String itemsTable() {
        return itemsTable;
    }

    /** A time on a fixed day, {@code step} seconds after the first. */
    static Instant at(int step) {
        return BASE.plusSeconds(step);
    }

    void recreateItems() {
        execute("drop table if exists " + itemsTable);
        execute(createItems);
    }

    void insertItem(long id, String name, Instant updatedAt) {
        execute("insert into " + itemsTable + " (id, name, updated_at) values (?, ?, ?)", id, name,
                LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC));
    }

    void updateItem(long id, String name, Instant updatedAt) {
        execute("update " + itemsTable + " set name = ?, updated_at = ? where id = ?", name,
                LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC), id);
    }

    Set<String> itemIds() {
        Set<String> ids = new LinkedHashSet<>();
        try (Connection connection = open(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select id from " + itemsTable)) {
            while (rows.next()) {
                ids.add(Long.toString(rows.getLong(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    void execute(String sql, Object... parameters) {
        try (Connection connection = open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The items table paged by {@code pageSize}, cursor {@code updated_at}, key {@code id}. */
    Connector itemsConnector(int pageSize) {
        return connector(config(Map.of("name", itemsTable, "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}),
                Map.of("page_size", pageSize)), user, password);
    }

    Connector connector(Map<String, Object> config, String asUser, String withPassword) {
        return factory().create(new ConnectorSettings("it-jdbc", JSON.valueToTree(config),
                Map.of("user", asUser, "password", withPassword)));
    }

    /** {@code {"url": <this source>, "tables": [table], ...options}}. */
    Map<String, Object> config(Map<String, Object> table, Map<String, Object> options) {
        Map<String, Object> config = new HashMap<>(options);
        config.put("url", url);
        config.put("tables", new Object[] {table});
        return config;
    }

    /** The client the items connector reads through, to try what its connection allows. */
    JdbcClient itemsClient() {
        JdbcConfig config = JdbcConfig.from(new ConnectorSettings("it-jdbc", JSON.valueToTree(config(
                Map.of("name", itemsTable, "cursor", new String[] {"updated_at"}, "key", new String[] {"id"}), Map.of())),
                Map.of("user", user, "password", password)));
        return new JdbcClient(config, JdbcClient.driverManager(config),
                new ResilientRequests("it-jdbc", HttpPolicy.defaults(), Duration.ZERO));
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    private JdbcConnectorFactory factory() {
        return new JdbcConnectorFactory(HttpPolicy.defaults().withRetries(3, Duration.ofMillis(5)), connections);
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement statement = connection.createStatement()) {
            statement.execute(utcSession);
        }
        return connection;
    }
}
