package io.etlfleet.fleet.faults;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Edits the fake sources while the full sync pages through them, the way a busy team does: every
 * {@value #PERIOD_MS} ms it edits {@code editsPerTick} issues at each fake (GitHub titles, Jira
 * summaries and status changes, which move them to the end of an updated-ordered listing) and
 * every {@value #CREATE_EVERY} ticks creates an issue in each repository and project. What the
 * warehouse must hold is read from the fakes after the incremental run, so every edit counts.
 */
final class SourceChurn implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourceChurn.class);
    static final long PERIOD_MS = 300;
    static final int CREATE_EVERY = 10;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "source-churn");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger ticks = new AtomicInteger();
    private final AtomicInteger edits = new AtomicInteger();
    private final AtomicInteger creations = new AtomicInteger();

    SourceChurn(FaultSource source, int editsPerTick) {
        timer.scheduleAtFixedRate(() -> {
            try {
                source.changeIssues(editsPerTick);
                edits.addAndGet(editsPerTick * 2);
                if (ticks.incrementAndGet() % CREATE_EVERY == 0) {
                    creations.addAndGet(source.createIssues());
                }
            } catch (RuntimeException e) {
                log.warn("Could not change the source: {}", e.toString());
            }
        }, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    int edits() {
        return edits.get();
    }

    int creations() {
        return creations.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
