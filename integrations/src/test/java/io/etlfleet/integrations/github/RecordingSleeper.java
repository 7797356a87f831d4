package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every wait; sleeps for real only when asked to, so most tests stay fast. An instant
 * sleeper moves its {@link #clock()} on by each wait instead, so code that waits until a time
 * and then checks the clock sees that time has come.
 */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final boolean reallySleep;
    private final AtomicLong skippedNanos = new AtomicLong();

    private RecordingSleeper(boolean reallySleep) {
        this.reallySleep = reallySleep;
    }

    static RecordingSleeper instant() {
        return new RecordingSleeper(false);
    }

    static RecordingSleeper real() {
        return new RecordingSleeper(true);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        waits.add(duration);
        if (reallySleep) {
            Sleeper.system().sleep(duration);
        } else {
            skippedNanos.addAndGet(duration.toNanos());
        }
    }

    /** The system clock plus every wait this sleeper skipped. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plusNanos(skippedNanos.get());
            }
        };
    }

    List<Duration> waits() {
        return waits;
    }
}
