package io.etlfleet.extract.running;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * The extraction of one scope of a job (a repository, project or table), and how the scopes
 * of a job run: up to {@code parallelism} at once, each on its own thread with its own
 * connector and checkpoint. When one scope fails, the others stop at their next page boundary
 * (what they committed stays), and the first failure is rethrown once all have stopped, so the
 * job fails or retries as a whole and resumes every scope from its own position.
 */
@FunctionalInterface
interface ScopeExtraction {

    /**
     * Extracts {@code scope}, committing page by page.
     *
     * @param stopRequested turns true when the scope should stop at the next page boundary
     */
    void extract(String scope, BooleanSupplier stopRequested);

    static void runAll(List<String> scopes, int parallelism, BooleanSupplier stopRequested, ScopeExtraction extraction,
            String threadPrefix) {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || stopRequested.getAsBoolean();
        int threads = Math.min(parallelism, scopes.size());
        if (threads <= 1) {
            for (String scope : scopes) {
                if (stop.getAsBoolean()) {
                    return;
                }
                extraction.extract(scope, stop);
            }
            return;
        }
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, threadPrefix + "-scope-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> runs = scopes.stream().<Future<?>>map(scope -> pool.submit(() -> {
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    if (!stop.getAsBoolean()) {
                        extraction.extract(scope, stop);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    MDC.clear();
                }
            })).toList();
            for (Future<?> run : runs) {
                awaitQuietly(run);
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void awaitQuietly(Future<?> run) {
        boolean interrupted = false;
        while (true) {
            try {
                run.get();
                break;
            } catch (InterruptedException e) {
                // The scope threads stop at a page boundary on their own; wait for them, keep the flag.
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a scope task failed outside its own handling", e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
