package io.etlfleet.storage.tenants;

import java.util.Locale;

/** What an API key may do: an admin key sees every tenant; a tenant key sees only its own. */
public enum ApiKeyRole {
    ADMIN, TENANT;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiKeyRole fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
