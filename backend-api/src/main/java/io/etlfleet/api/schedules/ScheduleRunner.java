package io.etlfleet.api.schedules;

import io.etlfleet.runtime.PeriodicTask;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks for due schedules every {@code ETL_SCHEDULER_INTERVAL} on one thread and fires them,
 * batch after batch until none is due. Every API instance runs one; {@link ScheduleFirer}'s
 * locking keeps them from firing the same schedule twice. A failed tick is logged and retried
 * at the next one: nothing of it was committed.
 */
class ScheduleRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);
    /** After the outbox relay, so what the first tick enqueues is published at once. */
    static final int PHASE = Integer.MIN_VALUE + 2000;

    private final ScheduleFirer firer;
    private final SchedulerProperties properties;
    private final AtomicLong ticks = new AtomicLong();
    private volatile PeriodicTask task;
    private volatile boolean stopping;

    ScheduleRunner(ScheduleFirer firer, SchedulerProperties properties) {
        this.firer = firer;
        this.properties = properties;
    }

    /** Fires every schedule due now; returns how many fired. */
    int tick() {
        int total = 0;
        try {
            Instant now = Instant.now();
            int fired;
            do {
                fired = firer.fireDue(now, properties.batchSize());
                total += fired;
            } while (fired == properties.batchSize() && !stopping);
        } catch (RuntimeException e) {
            log.warn("Firing due schedules failed; trying again in {}: {}", properties.interval(), e.toString());
        } finally {
            ticks.incrementAndGet();
        }
        return total;
    }

    /** Completed ticks since start; tests wait on it. */
    long ticks() {
        return ticks.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Schedule runner is off in this instance (ETL_SCHEDULER_INTERVAL={})", properties.interval());
            return;
        }
        stopping = false;
        task = new PeriodicTask("schedule-runner", properties.interval(), properties.interval(), this::tick);
        task.start();
        log.info("Schedule runner started: looking for due schedules every {}", properties.interval());
    }

    @Override
    public void stop() {
        stopping = true;
        PeriodicTask running = task;
        task = null;
        if (running != null) {
            running.stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
