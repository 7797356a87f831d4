package io.etlfleet.sample.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The orders the sample REST API serves, generated from a seed: one every 80 minutes from the
 * epoch, each updated up to two days after it was created. Tests and the demo change them while
 * they are read ({@link #update}, {@link #add}); a change is stamped one second after the latest
 * change so far, so it sorts last. Thread-safe.
 */
public final class OrdersSample {

    static final List<String> STATUSES = List.of("pending", "paid", "shipped", "delivered", "cancelled", "refunded");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF");
    private static final List<String> FIRST = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
            "John", "Margaret", "Ken", "Radia", "Niklaus");
    private static final List<String> LAST = List.of("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
            "Allen", "Backus", "Hamilton", "Thompson", "Perlman", "Wirth");
    private static final Duration SPACING = Duration.ofMinutes(80);

    private final Random random;
    private final Instant epoch;
    private final Map<Long, SampleOrder> orders = new TreeMap<>();
    private long nextId = 1;
    private Instant latest;

    public OrdersSample(long seed, Instant epoch) {
        this.random = new Random(seed);
        this.epoch = epoch;
        this.latest = epoch;
    }

    /** Adds {@code count} generated orders after those there are. */
    public synchronized void generate(int count) {
        for (int i = 0; i < count; i++) {
            long id = nextId++;
            Instant created = epoch.plus(SPACING.multipliedBy(id - 1)).plusSeconds(random.nextInt(3600));
            Instant updated = created.plusSeconds(random.nextInt(3) == 0 ? 0 : random.nextInt(2 * 86_400));
            put(order(id, created, updated));
        }
    }

    /** A new order, changed after every other; returns its id. */
    public synchronized long add() {
        Instant now = tick();
        long id = nextId++;
        put(order(id, now, now));
        return id;
    }

    /** Moves the order to its next status, stamped after every other change. */
    public synchronized void update(long id) {
        SampleOrder order = orders.get(id);
        if (order == null) {
            throw new IllegalArgumentException("no order " + id);
        }
        String next = STATUSES.get((STATUSES.indexOf(order.status()) + 1) % STATUSES.size());
        put(order.withStatus(next, tick()));
    }

    public synchronized int count() {
        return orders.size();
    }

    public synchronized SampleOrder order(long id) {
        return orders.get(id);
    }

    /** The orders changed at or after {@code since} (every one when null), oldest change first, then by id. */
    synchronized List<SampleOrder> changedSince(Instant since) {
        List<SampleOrder> changed = new ArrayList<>();
        for (SampleOrder order : orders.values()) {
            if (since == null || !order.updatedAt().isBefore(since)) {
                changed.add(order);
            }
        }
        changed.sort(Comparator.comparing(SampleOrder::updatedAt).thenComparingLong(SampleOrder::id));
        return changed;
    }

    private SampleOrder order(long id, Instant created, Instant updated) {
        String first = FIRST.get(random.nextInt(FIRST.size()));
        String last = LAST.get(random.nextInt(LAST.size()));
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(99_900) + 100L, 2).setScale(2, RoundingMode.UNNECESSARY);
        return new SampleOrder(id, first + " " + last, (first + "." + last + id + "@example.com").toLowerCase(),
                amount, CURRENCIES.get(random.nextInt(CURRENCIES.size())), STATUSES.get(random.nextInt(3)), created, updated);
    }

    private void put(SampleOrder order) {
        orders.put(order.id(), order);
        if (order.updatedAt().isAfter(latest)) {
            latest = order.updatedAt();
        }
    }

    private Instant tick() {
        latest = latest.plusSeconds(1);
        return latest;
    }
}
