package io.etlfleet.api.input;

import java.util.Locale;

/** How Java names (record components, path variables) read as fields in errors: snake_case like the JSON. */
final class FieldNames {

    private FieldNames() {
    }

    /** {@code tenantId} as {@code tenant_id}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
