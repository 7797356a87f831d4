package io.etlfleet.integrations.jdbc;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Opens real connections through the driver, except that the next {@link #failNext n}
 * attempts fail the way a struggling server refuses connections (SQLState 08001).
 */
final class FlakyConnections implements Function<JdbcConfig, JdbcClient.ConnectionOpener> {

    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();

    void failNext(int attempts) {
        failures.set(attempts);
    }

    int opened() {
        return opened.get();
    }

    @Override
    public JdbcClient.ConnectionOpener apply(JdbcConfig config) {
        JdbcClient.ConnectionOpener driver = JdbcClient.driverManager(config);
        return () -> {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new SQLTransientConnectionException("connection refused (injected)", "08001");
            }
            opened.incrementAndGet();
            return driver.open();
        };
    }

}
