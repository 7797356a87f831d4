package io.etlfleet.transform.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place warehouse DDL and DML identifiers come from. Names from a source (tables,
 * columns) must match {@code [A-Za-z_][A-Za-z0-9_$]*} within PostgreSQL's 63-byte limit and
 * are always double-quoted, so they keep their case and can never alter a statement. The
 * same rules the JDBC connector applies to its config.
 */
public final class WarehouseIdentifiers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final int MAX_SLUG = 40;

    /** Columns every JDBC target table has; a source column of the same name is stored as {@code source_<name>}. */
    static final Set<String> OWN_COLUMNS = Set.of("tenant_id", "integration_id", "source_updated_at", "raw_id", "loaded_at");

    private WarehouseIdentifiers() {
    }

    /** {@code "name"}, after validation. @throws IllegalArgumentException for a name outside the rules */
    public static String quote(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable warehouse identifier"
                    + " ([A-Za-z_][A-Za-z0-9_$]*, at most 63 characters)");
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code warehouse."table"}. */
    public static String qualified(String table) {
        return "warehouse." + quote(table);
    }

    /** The warehouse column for a source column: the same name, unless it is one of {@link #OWN_COLUMNS}. */
    static String column(String sourceColumn) {
        String name = OWN_COLUMNS.contains(sourceColumn.toLowerCase(Locale.ROOT)) ? "source_" + sourceColumn : sourceColumn;
        quote(name);
        return name;
    }

    /**
     * The target table of one source table of one integration:
     * {@code jdbc_<slug>_<hash>}, where slug is the source table name in lower case with every
     * run of other characters (such as the schema dot) turned into {@code _}, cut to 40
     * characters, and hash the first 10 hex digits of SHA-256 over
     * {@code <integration id>/<source table>}. Deterministic, readable, within 63 bytes, and
     * distinct per integration, so two databases' {@code orders} tables never share a target.
     */
    public static String targetTable(UUID integrationId, String sourceTable) {
        String slug = NOT_SLUG.matcher(sourceTable.toLowerCase(Locale.ROOT)).replaceAll("_");
        slug = slug.length() > MAX_SLUG ? slug.substring(0, MAX_SLUG) : slug;
        return "jdbc_" + slug + "_" + sha256Hex(integrationId + "/" + sourceTable).substring(0, 10);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
