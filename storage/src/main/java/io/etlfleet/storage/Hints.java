package io.etlfleet.storage;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Transactions for rows that are hints shared across workers (rate-limit budgets, ETags):
 * they commit without waiting for the WAL flush ({@code synchronous_commit = off} for the
 * transaction alone). A PostgreSQL crash can lose the last few of them and nothing else: the
 * source's next response corrects a budget, a lost ETag costs one full response. A job's claim
 * commits this way too: the job's next durable commit flushes it, and a claim lost in a crash is
 * as if the worker had not claimed yet (its message is still unacknowledged). Everything else
 * the delivery guarantees rest on (pages, job ends, outbox) keeps durable commits.
 */
public final class Hints {

    private Hints() {
    }

    public static <T, X extends Exception> T inTransaction(Jdbi jdbi, HandleCallback<T, X> callback) throws X {
        return jdbi.inTransaction(h -> {
            relax(h);
            return callback.withHandle(h);
        });
    }

    public static <X extends Exception> void useTransaction(Jdbi jdbi, HandleConsumer<X> consumer) throws X {
        jdbi.useTransaction(h -> {
            relax(h);
            consumer.useHandle(h);
        });
    }

    private static void relax(Handle handle) {
        handle.execute("set local synchronous_commit = off");
    }
}
