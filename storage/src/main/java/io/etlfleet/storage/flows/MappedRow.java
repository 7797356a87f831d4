package io.etlfleet.storage.flows;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One raw object mapped for a flow: either the row's values, or why it was rejected.
 *
 * @param rawId     the raw object version's id
 * @param values    target column → value in mapping order (values may be null); empty when rejected
 * @param rejection why the object cannot be a row, naming the mapping; null when it is one
 */
public record MappedRow(long rawId, Map<String, Object> values, String rejection) {

    public MappedRow {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static MappedRow of(long rawId, Map<String, Object> values) {
        return new MappedRow(rawId, values, null);
    }

    public static MappedRow rejected(long rawId, String reason) {
        return new MappedRow(rawId, Map.of(), reason);
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
