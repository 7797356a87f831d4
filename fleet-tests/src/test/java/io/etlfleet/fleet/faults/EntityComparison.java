package io.etlfleet.fleet.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entity's warehouse rows compared with the source's own data, key by key.
 *
 * @param missing    source keys without a warehouse row
 * @param duplicates warehouse rows beyond one per key
 * @param stale      keys whose row differs from the source's current version
 * @param unexpected warehouse keys the source does not have
 */
record EntityComparison(String entity, int source, int warehouse, int missing, int duplicates, int stale,
        int unexpected, List<String> examples) {

    /** @param rows the warehouse's rows as {@code [key, value]}, duplicates included */
    static EntityComparison of(String entity, Map<String, String> expected, List<String[]> rows) {
        Map<String, String> loaded = new HashMap<>();
        int duplicates = 0;
        for (String[] row : rows) {
            if (loaded.put(row[0], row[1]) != null) {
                duplicates++;
            }
        }
        int missing = 0;
        int stale = 0;
        List<String> examples = new java.util.ArrayList<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String value = loaded.get(entry.getKey());
            if (value == null) {
                missing++;
                example(examples, "missing " + entry.getKey());
            } else if (!value.equals(entry.getValue())) {
                stale++;
                example(examples, "stale " + entry.getKey() + ": " + value + " ≠ source " + entry.getValue());
            }
        }
        int unexpected = (int) loaded.keySet().stream().filter(key -> !expected.containsKey(key)).count();
        return new EntityComparison(entity, expected.size(), rows.size(), missing, duplicates, stale, unexpected,
                examples);
    }

    boolean exact() {
        return missing == 0 && duplicates == 0 && stale == 0 && unexpected == 0;
    }

    private static void example(List<String> examples, String text) {
        if (examples.size() < 5) {
            examples.add(text);
        }
    }
}
