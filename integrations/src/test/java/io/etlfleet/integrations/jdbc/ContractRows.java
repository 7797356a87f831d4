package io.etlfleet.integrations.jdbc;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Items for the shared connector contract: every four consecutive rows share an {@code updated_at}. */
final class ContractRows {

    /** Each change is a day later than the one before, so changed rows are always the newest. */
    private static final AtomicInteger CHANGES = new AtomicInteger();

    private ContractRows() {
    }

    static void given(JdbcSource source, int count) {
        source.recreateItems();
        for (int id = 1; id <= count; id++) {
            source.insertItem(id, "item " + id, JdbcSource.at(id / 4));
        }
    }

    /** Moves every third item, up to {@code count} of them, past all others, two by two sharing a time. */
    static Set<String> change(JdbcSource source, int count) {
        Set<String> changed = new LinkedHashSet<>();
        int day = 86_400 * CHANGES.incrementAndGet();
        for (int n = 1; n <= count; n++) {
            source.updateItem(n * 3L, "changed " + n, JdbcSource.at(day + n / 2));
            changed.add(Long.toString(n * 3L));
        }
        return changed;
    }
}
