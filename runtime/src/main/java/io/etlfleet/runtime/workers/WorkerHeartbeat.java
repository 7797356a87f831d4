package io.etlfleet.runtime.workers;

import io.etlfleet.runtime.TopologyDeclaration;
import io.etlfleet.runtime.WorkerIdentity;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.StaleJobReclaimer;
import io.etlfleet.storage.outbox.OutboxRelay;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps this worker visible and its jobs alive: registers the process in {@code etl.workers},
 * renews its heartbeat and its running jobs' heartbeats every interval, and reclaims jobs of
 * workers that stopped heart-beating. Deregisters on shutdown.
 */
public class WorkerHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerHeartbeat.class);

    private final WorkerIdentity identity;
    private final String kind;
    private final WorkerTypes types;
    private final WorkerRegistry registry;
    private final JobStore jobs;
    private final Supplier<List<UUID>> jobsInHand;
    private final StaleJobReclaimer reclaimer;
    private final OutboxRelay relay;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public WorkerHeartbeat(WorkerIdentity identity, String kind, WorkerTypes types, WorkerRegistry registry, JobStore jobs,
            Supplier<List<UUID>> jobsInHand, StaleJobReclaimer reclaimer, OutboxRelay relay, Duration interval) {
        this.identity = identity;
        this.kind = kind;
        this.types = types;
        this.registry = registry;
        this.jobs = jobs;
        this.jobsInHand = jobsInHand;
        this.reclaimer = reclaimer;
        this.relay = relay;
        this.interval = interval;
    }

    @Override
    public void start() {
        registry.register(identity.id(), kind, types.types(), Map.copyOf(types.concurrency()), identity.host(),
                identity.pid());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "worker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    private void beat() {
        try {
            List<UUID> inHand = jobsInHand.get();
            jobs.heartbeat(identity.id(), inHand);
            registry.heartbeat(identity.id(), inHand.size());
            if (reclaimer.reclaim() > 0) {
                relay.wake();
            }
        } catch (RuntimeException e) {
            log.warn("Heartbeat failed, trying again in {} ms: {}", interval.toMillis(), e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        try {
            registry.deregister(identity.id());
        } catch (RuntimeException e) {
            log.warn("Could not deregister worker {}: {}", identity.id(), e.toString());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Starts before and stops after the consumers (lower phase), so jobs being finished
        // during shutdown keep heart-beating until they end.
        return TopologyDeclaration.PHASE + 5;
    }
}
