package io.etlfleet.runtime.metrics;

import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.stats.QueueStats;
import io.etlfleet.runtime.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges of every fleet queue, sampled from the broker every interval (a scrape never waits
 * on the broker): {@code etl.queue.messages} (ready messages; for {@code kind=dead_letter}
 * the DLQ depth) and {@code etl.queue.consumers}, tagged with {@code queue} and {@code kind}.
 * Every app samples, so dashboards take the {@code max} per queue.
 */
public class QueueMetrics implements SmartLifecycle {

    public static final String MESSAGES = "etl.queue.messages";
    public static final String CONSUMERS = "etl.queue.consumers";

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    private final QueueStatistics statistics;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Map<String, AtomicLong> messages = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> consumers = new ConcurrentHashMap<>();
    private PeriodicTask task;
    private volatile boolean running;

    public QueueMetrics(QueueStatistics statistics, MeterRegistry registry, Duration interval) {
        this.statistics = statistics;
        this.registry = registry;
        this.interval = interval;
    }

    /** One sample of every queue; also called by tests. */
    public void sample() {
        for (QueueStats queue : statistics.all()) {
            gauge(messages, MESSAGES, "Ready messages in the queue", queue).set(queue.messagesReady());
            gauge(consumers, CONSUMERS, "Consumers of the queue", queue).set(queue.consumers());
        }
    }

    private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, QueueStats queue) {
        return values.computeIfAbsent(queue.queue(), q -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get)
                    .description(description)
                    .tag("queue", q)
                    .tag("kind", queue.kind().name().toLowerCase(Locale.ROOT))
                    .register(registry);
            return value;
        });
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Could not sample queue statistics, trying again in {} ms: {}", interval.toMillis(), e.toString());
        }
    }

    @Override
    public void start() {
        task = new PeriodicTask("queue-metrics", Duration.ZERO, interval, this::sampleQuietly);
        task.start();
        running = true;
    }

    @Override
    public void stop() {
        if (task != null) {
            task.stop(Duration.ZERO);
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
