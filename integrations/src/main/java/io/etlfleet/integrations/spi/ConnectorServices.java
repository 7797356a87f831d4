package io.etlfleet.integrations.spi;

import java.util.Objects;

/**
 * What the runtime lends connectors beyond an integration's settings: the shared rate-limit
 * budgets, the store of response validators and the integrations' uploaded files. Given to connector factories once per process.
 */
public record ConnectorServices(RateLimitBudgets budgets, EtagStore etags, UploadedFiles files) {

    public ConnectorServices {
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(etags, "etags");
        Objects.requireNonNull(files, "files");
    }

    /** Budgets and validators, with no uploaded files. */
    public ConnectorServices(RateLimitBudgets budgets, EtagStore etags) {
        this(budgets, etags, UploadedFiles.none());
    }

    /** Process-local budgets and validators: right for a single process and for tests. */
    public static ConnectorServices local() {
        return new ConnectorServices(RateLimitBudgets.inMemory(), EtagStore.inMemory());
    }
}
