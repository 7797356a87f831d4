package io.etlfleet.transform.jdbc;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Creates and evolves the warehouse table of one source table, in the caller's transaction.
 * Layout: {@code tenant_id}, {@code integration_id}, the source columns (typed by
 * {@link SourceColumn#pgType()}), {@code source_updated_at}, {@code raw_id},
 * {@code loaded_at}; primary key {@code (integration_id, key columns)}. A column the source
 * gained is added; columns are never dropped or retyped, so a column the source lost stays
 * (null in newer rows). Concurrent loaders of the same table are serialised by a
 * transaction-scoped advisory lock on the table's name.
 */
final class WarehouseTable {

    private WarehouseTable() {
    }

    /** @return the target table's name (unqualified), now existing with every column in {@code columns} */
    static String ensure(Handle handle, UUID integrationId, String sourceTable, List<String> key, List<SourceColumn> columns) {
        String target = WarehouseIdentifiers.targetTable(integrationId, sourceTable);
        String qualified = WarehouseIdentifiers.qualified(target);
        handle.createQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:name))) as locked")
                .bind("name", qualified).mapTo(Integer.class).one();
        Set<String> existing = new HashSet<>(handle.createQuery("""
                        select column_name from information_schema.columns
                         where table_schema = 'warehouse' and table_name = :table""")
                .bind("table", target).mapTo(String.class).list());
        if (existing.isEmpty()) {
            create(handle, integrationId, sourceTable, key, columns, qualified);
        } else {
            for (SourceColumn column : columns) {
                if (!existing.contains(column.targetName())) {
                    handle.execute("alter table " + qualified + " add column if not exists "
                            + WarehouseIdentifiers.quote(column.targetName()) + " " + column.pgType());
                }
            }
        }
        return target;
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
