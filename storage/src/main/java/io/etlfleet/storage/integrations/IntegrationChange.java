package io.etlfleet.storage.integrations;

import java.util.Map;

/**
 * What {@link IntegrationStore#update} changes; a null field is left as it is.
 * {@link #toString()} lists credential names only.
 */
public record IntegrationChange(String name, String configJson, Map<String, String> credentials) {

    public IntegrationChange {
        credentials = credentials == null ? null : Map.copyOf(credentials);
    }

    @Override
    public String toString() {
        return "IntegrationChange[name=" + name + ", config=" + configJson + ", credentials="
                + (credentials == null ? null : credentials.keySet()) + "]";
    }
}
