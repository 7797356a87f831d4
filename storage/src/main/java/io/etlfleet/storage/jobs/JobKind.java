package io.etlfleet.storage.jobs;

import java.util.Locale;

public enum JobKind {
    EXTRACT, TRANSFORM;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
