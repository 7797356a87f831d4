package io.etlfleet.integrations.http;

import java.time.Duration;

/** Waits. Connectors sleep through it so tests can watch (or skip) the waiting. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
