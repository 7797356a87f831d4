package io.etlfleet.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task run on its own daemon thread with a fixed delay between rounds: the loop the fleet's
 * background work shares (schedule runner, raw retention, queue gauges, concurrency polling).
 * A round that throws is logged and the next one runs as planned, so a passing outage never
 * ends the loop. Owners call {@link #start()} and {@link #stop(Duration)} from their lifecycle.
 */
public final class PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable round;
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;

    /** @param name the thread's name, also used in log lines */
    public PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable round) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
        }
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runRound, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops scheduling rounds; a round in progress gets {@code grace} to finish, then is interrupted. */
    public synchronized void stop(Duration grace) {
        stopping = true;
        ScheduledExecutorService running = executor;
        executor = null;
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public boolean running() {
        return executor != null;
    }

    /** True once {@link #stop} was called: a long round checks it between batches. */
    public boolean stopping() {
        return stopping;
    }

    private void runRound() {
        try {
            round.run();
        } catch (RuntimeException e) {
            log.warn("{} failed, trying again in {}: {}", name, interval, e.toString());
        }
    }
}
