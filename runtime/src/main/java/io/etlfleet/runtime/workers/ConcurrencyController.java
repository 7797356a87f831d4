package io.etlfleet.runtime.workers;

import io.etlfleet.runtime.PeriodicTask;
import io.etlfleet.runtime.TopologyDeclaration;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Applies concurrency changed at run time: every poll interval, reads this worker's desired
 * consumer counts ({@link WorkerConcurrencyStore}), resizes the consumer group's types that
 * differ (a type without a desired value goes back to its configured value) and records
 * what it applied in {@code etl.workers}. Starts after the consumers, so the first poll
 * applies what was changed while the worker was down.
 */
public class ConcurrencyController implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyController.class);

    private final String workerId;
    private final JobConsumerGroup<?> group;
    private final WorkerTypes configured;
    private final WorkerConcurrencyStore store;
    private final Duration interval;
    private PeriodicTask task;
    private volatile boolean running;

    public ConcurrencyController(String workerId, JobConsumerGroup<?> group, WorkerTypes configured,
            WorkerConcurrencyStore store, Duration interval) {
        this.workerId = workerId;
        this.group = group;
        this.configured = configured;
        this.store = store;
        this.interval = interval;
    }

    /** One poll: reads, applies and records. Also called by tests. */
    public void applyDesired() {
        Map<String, Integer> desired = store.desiredFor(workerId);
        for (String type : configured.types()) {
            int target = desired.getOrDefault(type, configured.concurrencyOf(type));
            if (group.concurrency().get(type) != target) {
                group.setConcurrency(type, target);
            }
        }
        store.recordApplied(workerId, group.concurrency());
    }

    private void poll() {
        try {
            applyDesired();
        } catch (RuntimeException e) {
            log.warn("Could not apply the desired concurrency, trying again in {} ms: {}", interval.toMillis(),
                    e.toString());
        }
    }

    @Override
    public void start() {
        task = new PeriodicTask("worker-concurrency", Duration.ZERO, interval, this::poll);
        task.start();
        running = true;
    }

    @Override
    public void stop() {
        if (task != null) {
            task.stop(Duration.ZERO);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TopologyDeclaration.PHASE + 15;
    }
}
