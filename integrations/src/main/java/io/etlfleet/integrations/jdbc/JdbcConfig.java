package io.etlfleet.integrations.jdbc;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A JDBC integration's validated settings.
 *
 * <pre>
 * config.url                     jdbc:postgresql:, jdbc:mariadb: / jdbc:mysql: or jdbc:oracle:thin: URL,
 *                                without a password (that belongs in credentials.password)
 * config.tables                  non-empty list of tables to extract; each entity type is a table name
 * config.tables[i].name          table, optionally schema-qualified ("sales.orders"); quoted, so case-sensitive
 * config.tables[i].cursor        non-empty list of columns that grow when a row changes (e.g. ["updated_at"])
 * config.tables[i].key           non-empty list of columns that identify a row (e.g. ["id"])
 * config.page_size               rows per page, 1..100000 (1000)
 * config.fetch_size              rows the driver fetches per round trip, 1..100000 (min(page_size + 1, 500))
 * config.query_timeout_seconds   longest a page query may run, 1..86400 (300)
 * credentials.user               database user
 * credentials.password           database password (may be empty)
 * </pre>
 *
 * {@link #toString()} never shows the password.
 */
public record JdbcConfig(String url, JdbcDialect dialect, List<Table> tables, String user, String password,
        int pageSize, int fetchSize, Duration queryTimeout) {

    public JdbcConfig {
        tables = List.copyOf(tables);
    }

    /** @throws InvalidConfigException naming the first offending field, e.g. {@code config.tables[1].cursor[0]} */
    public static JdbcConfig from(ConnectorSettings settings) {
        JsonNode config = settings.config();
        if (!config.isObject()) {
            throw new InvalidConfigException("config", "must be a JSON object");
        }
        String url = url(config.get("url"));
        JdbcDialect dialect = JdbcDialect.forUrl(url).orElseThrow(() -> new InvalidConfigException("config.url",
                "must start with jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:oracle:thin:"));
        String user = settings.credential("user");
        if (user == null || user.isBlank()) {
            throw new InvalidConfigException("credentials.user", "is required");
        }
        String password = settings.credential("password") == null ? "" : settings.credential("password");
        int pageSize = number(config, "page_size", 1000, 100_000);
        return new JdbcConfig(url, dialect, tables(config.get("tables")), user, password, pageSize,
                number(config, "fetch_size", Math.min(pageSize + 1, 500), 100_000),
                Duration.ofSeconds(number(config, "query_timeout_seconds", 300, 86_400)));
    }

    /** The configured table whose name is {@code entityType}, if any. */
    public Optional<Table> table(String entityType) {
        return tables.stream().filter(t -> t.entityType().equals(entityType)).findFirst();
    }

    /** The URL without its query or parameters, for messages. */
    public String safeUrl() {
        int cut = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return url.substring(0, cut);
    }

    private static String url(JsonNode node) {
        String url = node != null && node.isString() ? node.asString().trim() : "";
        if (url.isEmpty()) {
            throw new InvalidConfigException("config.url", "is required");
        }
        if (url.toLowerCase(Locale.ROOT).matches(".*[?&;:](password|pwd)=.*") || url.matches("jdbc:[a-z]+:(thin:)?//[^/@?]*:[^/@?]*@.*")
                || url.matches("jdbc:oracle:thin:[^@]*/[^@]*@.*")) {
            throw new InvalidConfigException("config.url", "must not contain a password; put it in credentials.password");
        }
        return url;
    }

    private static List<Table> tables(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException("config.tables", "must be a non-empty list of {name, cursor, key}");
        }
        List<Table> tables = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "config.tables[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new InvalidConfigException(field, "must be an object {name, cursor, key}");
            }
            JsonNode name = item.get("name");
            Identifier table = Identifier.table(name != null && name.isString() ? name.asString() : null, field + ".name");
            if (!seen.add(table.toString())) {
                throw new InvalidConfigException(field + ".name", "lists " + table + " twice");
            }
            tables.add(new Table(table, columns(item.get("cursor"), field + ".cursor"), columns(item.get("key"), field + ".key")));
        }
        return tables;
    }

    private static List<Identifier> columns(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException(field, "must be a non-empty list of column names");
        }
        List<Identifier> columns = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            Identifier column = Identifier.column(item.isString() ? item.asString() : null, field + "[" + i + "]");
            if (columns.contains(column)) {
                throw new InvalidConfigException(field + "[" + i + "]", "lists " + column + " twice");
            }
            columns.add(column);
        }
        return columns;
    }

    private static int number(JsonNode config, String name, int defaultValue, int max) {
        JsonNode node = config.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || node.asLong() < 1 || node.asLong() > max) {
            throw new InvalidConfigException("config." + name, "must be a whole number from 1 to " + max);
        }
        return node.asInt();
    }

    @Override
    public String toString() {
        return "JdbcConfig[url=" + safeUrl() + ", dialect=" + dialect.name() + ", tables=" + tables + ", user=" + user
                + ", pageSize=" + pageSize + ", fetchSize=" + fetchSize + ", queryTimeout=" + queryTimeout + "]";
    }

    /**
     * One configured table. Rows are read in the order of the cursor columns, then the key
     * columns not already among them; that order is unique per row, so keyset pages never
     * skip or repeat a row even when many rows share a cursor value.
     */
    public record Table(Identifier name, List<Identifier> cursor, List<Identifier> key) {

        public Table {
            cursor = List.copyOf(cursor);
            key = List.copyOf(key);
        }

        /** The entity type: the table name as configured, e.g. {@code sales.orders}. */
        public String entityType() {
            return name.toString();
        }

        List<Identifier> orderColumns() {
            Set<Identifier> order = new LinkedHashSet<>(cursor);
            order.addAll(key);
            return List.copyOf(order);
        }

        List<String> orderColumnNames() {
            return orderColumns().stream().map(Identifier::name).toList();
        }

        /** Where each key column sits in {@link #orderColumns()}. */
        List<Integer> keyPositions() {
            List<Identifier> order = orderColumns();
            return key.stream().map(order::indexOf).toList();
        }

        @Override
        public String toString() {
            return name + " cursor " + cursor + " key " + key;
        }
    }
}
