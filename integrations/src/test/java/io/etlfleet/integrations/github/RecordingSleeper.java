package io.etlfleet.integrations.github;

import io.etlfleet.integrations.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait; sleeps for real only when asked to, so most tests stay fast. */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final boolean reallySleep;

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
        }
    }

    List<Duration> waits() {
        return waits;
    }
}
