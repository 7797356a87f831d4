package io.etlfleet.runtime.workers;

import io.etlfleet.queue.topology.QueueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which integration types a worker process serves and with how many consumers each, parsed
 * from {@code ETL_EXTRACT_TYPES} / {@code ETL_EXTRACT_CONCURRENCY} (or the transform pair):
 * types like {@code github,jira} (empty means all), concurrency like {@code github=4,jira=2}
 * (types not named get {@code defaultConcurrency}).
 */
public record WorkerTypes(Map<String, Integer> concurrency) {

    public WorkerTypes {
        concurrency = Map.copyOf(concurrency);
    }

    public List<String> types() {
        return QueueNames.INTEGRATION_TYPES.stream().filter(concurrency::containsKey).toList();
    }

    public int concurrencyOf(String type) {
        return concurrency.get(type);
    }

    /**
     * @param typesVariable       name of the types variable, for error messages
     * @param concurrencyVariable name of the concurrency variable, for error messages
     * @throws IllegalArgumentException naming the variable and the bad value
     */
    public static WorkerTypes parse(String types, String concurrencySpec, int defaultConcurrency, String typesVariable,
            String concurrencyVariable) {
        List<String> chosen = types == null || types.isBlank() ? QueueNames.INTEGRATION_TYPES : split(types);
        for (String type : chosen) {
            requireKnown(type, typesVariable);
        }
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        chosen.forEach(type -> concurrency.put(type, defaultConcurrency));
        if (concurrencySpec != null && !concurrencySpec.isBlank()) {
            for (String entry : split(concurrencySpec)) {
                String[] pair = entry.split("=", 2);
                String type = pair[0].trim().toLowerCase(Locale.ROOT);
                requireKnown(type, concurrencyVariable);
                if (!concurrency.containsKey(type)) {
                    throw new IllegalArgumentException(concurrencyVariable + " names " + type + ", which "
                            + typesVariable + " does not include");
                }
                concurrency.put(type, positive(pair, concurrencyVariable));
            }
        }
        return new WorkerTypes(concurrency);
    }

    private static int positive(String[] pair, String variable) {
        try {
            int value = pair.length == 2 ? Integer.parseInt(pair[1].trim()) : -1;
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + ": '" + String.join("=", pair)
                    + "' is not type=N with N at least 1");
        }
    }

    private static void requireKnown(String type, String variable) {
        if (!QueueNames.INTEGRATION_TYPES.contains(type)) {
            throw new IllegalArgumentException(variable + ": unknown integration type '" + type + "', expected one of "
                    + QueueNames.INTEGRATION_TYPES);
        }
    }

    private static List<String> split(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
