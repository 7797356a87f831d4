package io.etlfleet.storage.flows;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a flow writes its target table. */
public enum FlowMode {
    /** One row per key; a newer raw version of the key replaces the row, an older one never does. */
    MERGE,
    /** One row per raw object version; a version already in the table is not added again. */
    APPEND,
    /** Each extract run replaces the table: after a batch of run R it holds only run R's rows. */
    REPLACE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted names when {@code name} is none of them */
    public static FlowMode fromWire(String name) {
        for (FlowMode mode : values()) {
            if (mode.wireName().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a flow mode (" + accepted() + ")");
    }

    static String accepted() {
        return Arrays.stream(values()).map(FlowMode::wireName).collect(Collectors.joining(", "));
    }
}
