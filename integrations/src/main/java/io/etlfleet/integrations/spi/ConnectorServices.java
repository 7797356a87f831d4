package io.etlfleet.integrations.spi;

import java.util.Objects;

/**
 * What the runtime lends connectors beyond an integration's settings: the shared rate-limit
 * budgets and the store of response validators. Given to connector factories once per process.
 */
public record ConnectorServices(RateLimitBudgets budgets, EtagStore etags) {

    public ConnectorServices {
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(etags, "etags");
    }

    /** Process-local budgets and validators: right for a single process and for tests. */
    public static ConnectorServices local() {
        return new ConnectorServices(RateLimitBudgets.inMemory(), EtagStore.inMemory());
    }
}
