package io.etlfleet.storage.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays committed outbox messages to the broker: this is what guarantees that no committed
 * raw batch is left without its transform job, and that no job is announced before the
 * transaction that created it commits.
 *
 * <p>One daemon thread polls every {@code interval}, and at once after {@link #wake()}. A
 * batch is locked, published with confirms and marked in one transaction; if publishing
 * fails the transaction rolls back and the batch is tried again later (at-least-once: a
 * message may be published twice, and consumers treat jobs idempotently).
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH_SIZE = 500;
    private static final long PUBLISHED_RETENTION_SECONDS = 86_400;

    private final Jdbi jdbi;
    private final OutboxStore store = new OutboxStore();
    private final OutboxPublisher publisher;
    private final Duration interval;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private long relayRounds;

    public OutboxRelay(Jdbi jdbi, OutboxPublisher publisher, Duration interval) {
        this.jdbi = jdbi;
        this.publisher = publisher;
        this.interval = interval;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks the relay to run now, e.g. right after a transaction that added messages committed. */
    public void wake() {
        signal.release();
    }

    /**
     * Publishes everything pending now, on the caller's thread.
     *
     * @return how many messages were published
     */
    public int relayPending() throws Exception {
        int total = 0;
        int published;
        do {
            published = relayBatch();
            total += published;
        } while (published == BATCH_SIZE);
        return total;
    }

    private int relayBatch() throws Exception {
        return jdbi.inTransaction(handle -> {
            List<OutboxMessage> batch = store.lockUnpublished(handle, BATCH_SIZE);
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishConfirmed(batch);
            store.markPublished(handle, batch.stream().map(OutboxMessage::id).toList());
            return batch.size();
        });
    }

    private void loop() {
        Duration backoff = interval;
        while (running) {
            try {
                signal.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
                signal.drainPermits();
                if (!running) {
                    break;
                }
                relayPending();
                if (++relayRounds % 1_000 == 0) {
                    jdbi.useHandle(h -> store.purgePublished(h, PUBLISHED_RETENTION_SECONDS));
                }
                backoff = interval;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
                log.warn("Outbox relay failed, retrying in {} ms: {}", backoff.toMillis(), e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            signal.release();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
