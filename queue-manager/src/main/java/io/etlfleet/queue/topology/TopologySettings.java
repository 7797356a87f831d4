package io.etlfleet.queue.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Topology} declares: the integration types that get work queues, and the retry
 * tier delays (ascending). Every app of one fleet must use the same settings; because tier
 * names derive from their delays, different tier lists only add queues, never conflict.
 *
 * @param integrationTypes types with an extract and a transform queue each
 * @param retryDelays      delays of the retry tiers, strictly ascending; the first is the backoff base
 */
public record TopologySettings(List<String> integrationTypes, List<Duration> retryDelays) {

    /** The production retry ladder. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10));

    public TopologySettings {
        integrationTypes = List.copyOf(Objects.requireNonNull(integrationTypes, "integrationTypes"));
        retryDelays = List.copyOf(Objects.requireNonNull(retryDelays, "retryDelays"));
        if (integrationTypes.isEmpty()) {
            throw new IllegalArgumentException("at least one integration type is required");
        }
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("at least one retry delay is required");
        }
        for (int i = 1; i < retryDelays.size(); i++) {
            if (retryDelays.get(i).toMillis() <= retryDelays.get(i - 1).toMillis()) {
                throw new IllegalArgumentException("retry delays must be strictly ascending: " + retryDelays);
            }
        }
        retryDelays.forEach(RetryTier::of);
    }

    public static TopologySettings defaults() {
        return new TopologySettings(QueueNames.INTEGRATION_TYPES, DEFAULT_RETRY_DELAYS);
    }

    public TopologySettings withRetryDelays(Duration... delays) {
        return new TopologySettings(integrationTypes, List.of(delays));
    }

    public List<RetryTier> retryTiers() {
        List<RetryTier> tiers = new ArrayList<>();
        retryDelays.forEach(delay -> tiers.add(RetryTier.of(delay)));
        return List.copyOf(tiers);
    }

    public List<String> workQueues() {
        return QueueNames.workQueues(integrationTypes);
    }

    public List<String> deadLetterQueues() {
        return workQueues().stream().map(QueueNames::deadLetterQueue).toList();
    }
}
