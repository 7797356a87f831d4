package io.etlfleet.extract.metrics;

import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository.TypeRemaining;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@code etl.source.rate_limit.remaining} (type, resource): what remains of the sources'
 * rate-limit budgets that the fleet shares in {@code etl.rate_limit_budgets}, sampled every
 * interval (a scrape never waits on the database). The value is the lowest count over the
 * credentials of the type's integrations, so it falls as soon as any one credential runs low,
 * whichever worker spent it. Tags are bounded (three types, a handful of resources per source);
 * credentials and their fingerprints are never tags. Every worker samples the same table, so
 * dashboards take the {@code min} per type and resource.
 */
public final class SharedBudgetGauges implements SmartLifecycle {

    public static final String REMAINING = "etl.source.rate_limit.remaining";

    private static final Logger log = LoggerFactory.getLogger(SharedBudgetGauges.class);

    private final RateLimitBudgetRepository budgets;
    private final MeterRegistry registry;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public SharedBudgetGauges(RateLimitBudgetRepository budgets, MeterRegistry registry, Duration interval, Clock clock) {
        this.budgets = budgets;
        this.registry = registry;
        this.interval = interval;
        this.clock = clock;
    }

    /** One sample of the shared budgets; also called by tests. */
    public void sample() {
        for (TypeRemaining budget : budgets.remainingByType(clock.instant())) {
            gauge(budget).set(budget.remaining());
        }
    }

    private AtomicLong gauge(TypeRemaining budget) {
        return values.computeIfAbsent(budget.integrationType() + "/" + budget.resource(), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(REMAINING, value, AtomicLong::get)
                    .description("Requests left in the source's rate-limit window: the lowest over the type's credentials")
                    .tag("type", budget.integrationType())
                    .tag("resource", budget.resource())
                    .register(registry);
            return value;
        });
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.warn("Could not sample the shared rate-limit budgets, trying again in {} ms: {}", interval.toMillis(),
                    e.toString());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "rate-limit-metrics");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
