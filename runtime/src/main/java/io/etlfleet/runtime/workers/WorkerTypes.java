package io.etlfleet.runtime.workers;

import io.etlfleet.queue.topology.QueueNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which integration types a worker process serves and with how many consumers each, parsed
 * from {@code ETL_EXTRACT_TYPES} / {@code ETL_EXTRACT_CONCURRENCY} (or the transform pair):
 * types like {@code github,jira} (empty means all), concurrency like {@code github=4,jira=2}
 * (types not named get {@code defaultConcurrency}).
 *
 * <p>A fleet of per-type processes usually shares one environment file, so a concurrency
 * entry for a type this process does not consume is ignored, with one INFO line at start
 * naming the variable and the entries. A malformed entry stops the start whatever its type
 * (see {@link PerTypeCounts}).
 */
public record WorkerTypes(Map<String, Integer> concurrency) {

    private static final Logger log = LoggerFactory.getLogger(WorkerTypes.class);

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
     * Call once per process, at start: ignored entries are logged here.
     *
     * @param typesVariable       name of the types variable, for messages
     * @param concurrencyVariable name of the concurrency variable, for messages
     * @throws IllegalArgumentException naming the variable and the bad value
     */
    public static WorkerTypes parse(String types, String concurrencySpec, int defaultConcurrency, String typesVariable,
            String concurrencyVariable) {
        List<String> chosen = types == null || types.isBlank() ? QueueNames.INTEGRATION_TYPES
                : PerTypeCounts.types(types, typesVariable);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(typesVariable + " names no integration type; leave it empty for all of "
                    + QueueNames.INTEGRATION_TYPES);
        }
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        chosen.forEach(type -> concurrency.put(type, defaultConcurrency));
        Map<String, Integer> ignored = new LinkedHashMap<>();
        PerTypeCounts.parse(concurrencySpec, concurrencyVariable).forEach((type, count) -> {
            if (concurrency.containsKey(type)) {
                concurrency.put(type, count);
            } else {
                ignored.put(type, count);
            }
        });
        if (!ignored.isEmpty()) {
            log.info("{}: ignoring {}: this process consumes only {} ({})", concurrencyVariable,
                    ignored.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                    chosen, typesVariable);
        }
        return new WorkerTypes(concurrency);
    }
}
