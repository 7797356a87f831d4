package io.etlfleet.transform.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and evolves the warehouse table of one source table, in the caller's transaction.
 * Layout: {@code tenant_id}, {@code integration_id}, the source columns (typed by
 * {@link SourceColumn#pgType()}), {@code source_updated_at}, {@code raw_id},
 * {@code loaded_at}; primary key {@code (integration_id, key columns)}. A column the source
 * gained is added; columns are never dropped, so a column the source lost stays (null in
 * newer rows), and never retyped except a decimal widened when the source's grew. Concurrent loaders of the same table are serialised by a
 * transaction-scoped advisory lock on the table's name.
 */
final class WarehouseTable {

    private static final Logger log = LoggerFactory.getLogger(WarehouseTable.class);

    private WarehouseTable() {
    }

    /**
     * Creates the table, adds the columns it lacks and widens decimal columns whose source
     * precision or scale grew (a lossless change; anything else keeps its first type).
     *
     * @return the target's columns and their types ({@link #columnTypes}), now covering every column in {@code columns}
     */
    static Map<String, String> ensure(Handle handle, UUID integrationId, String sourceTable, List<String> key,
            List<SourceColumn> columns) {
        String target = WarehouseIdentifiers.targetTable(integrationId, sourceTable);
        String qualified = WarehouseIdentifiers.qualified(target);
        handle.createQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:name))) as locked")
                .bind("name", qualified).mapTo(Integer.class).one();
        Map<String, String> existing = columnTypes(handle, target);
        if (existing.isEmpty()) {
            create(handle, integrationId, sourceTable, key, columns, qualified);
            return columnTypes(handle, target);
        }
        boolean changed = false;
        for (SourceColumn column : columns) {
            String type = existing.get(column.targetName());
            String quoted = WarehouseIdentifiers.quote(column.targetName());
            if (type == null) {
                handle.execute("alter table " + qualified + " add column if not exists " + quoted + " " + column.pgType());
                changed = true;
            } else {
                Optional<String> wider = Decimals.widened(type, column);
                if (wider.isPresent()) {
                    log.info("Widening {}.{} from {} to {}: the source column {} of {} is now {}", qualified, quoted, type,
                            wider.get(), column.name(), sourceTable, column.pgType());
                    handle.execute("alter table " + qualified + " alter column " + quoted + " type " + wider.get());
                    changed = true;
                } else if (column.retypedFrom(type)) {
                    log.warn("Source column {} of {} is now {} but {}.{} stays {}; values that do not fit are rejected",
                            column.name(), sourceTable, column.pgType(), qualified, quoted, type);
                }
            }
        }
        return changed ? columnTypes(handle, target) : existing;
    }

    /** The table's columns and their types as PostgreSQL writes them (e.g. {@code numeric(38,10)}); empty when it does not exist. */
    static Map<String, String> columnTypes(Handle handle, String target) {
        Map<String, String> types = new LinkedHashMap<>();
        handle.createQuery("""
                        select attname, format_type(atttypid, atttypmod) as type from pg_attribute
                         where attrelid = to_regclass(:table) and attnum > 0 and not attisdropped
                         order by attnum""")
                .bind("table", WarehouseIdentifiers.qualified(target))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(column -> types.put(column.getKey(), column.getValue()));
        return types;
    }

    private static void create(Handle handle, UUID integrationId, String sourceTable, List<String> key,
            List<SourceColumn> columns, String qualified) {
        Set<String> names = columns.stream().map(SourceColumn::name).collect(Collectors.toSet());
        for (String column : key) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("key column " + column + " is not among the source columns " + names);
            }
        }
        String sourceColumns = columns.stream()
                .map(c -> WarehouseIdentifiers.quote(c.targetName()) + " " + c.pgType())
                .collect(Collectors.joining(",\n    "));
        String primaryKey = key.stream().map(WarehouseIdentifiers::column).map(WarehouseIdentifiers::quote)
                .collect(Collectors.joining(", "));
        handle.execute("create table " + qualified + " (\n    tenant_id uuid not null,\n    integration_id uuid not null,\n    "
                + sourceColumns + ",\n    source_updated_at timestamptz,\n    raw_id bigint not null,\n"
                + "    loaded_at timestamptz not null default now(),\n    primary key (integration_id, " + primaryKey + "))");
        // Identifier characters only (validated by the connector), but escaped as any literal would be.
        String description = ("JDBC integration " + integrationId + ", source table " + sourceTable).replace("'", "''");
        handle.execute("comment on table " + qualified + " is '" + description + "'");
    }
}
