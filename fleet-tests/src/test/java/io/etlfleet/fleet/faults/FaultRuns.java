package io.etlfleet.fleet.faults;

import java.util.List;

/** Entry point for tests in other packages: runs a fault plan and exposes the outcome. */
public final class FaultRuns {

    private FaultRuns() {
    }

    /** The outcome of a run. */
    public record Result(String table, int faultsInjected, List<String> inexactEntities, boolean allJobsSucceeded,
            boolean deadLettersExactlyTheMalformedMessages, boolean passed) {
    }

    /** {@link FaultPlan#ci()} against the given (shared, never restarted) services. */
    public static Result ciVariant(String dbUrl, String dbUser, String dbPassword, String amqpUri) throws Exception {
        FaultRunReport report = new FaultRun(FaultPlan.ci(), new FleetServices() {
            public String dbUrl() { return dbUrl; }
            public String dbUser() { return dbUser; }
            public String dbPassword() { return dbPassword; }
            public String amqpUri() { return amqpUri; }
        }).run();
        return new Result(report.table(), report.injected.size(),
                report.entities.stream().filter(e -> !e.exact()).map(EntityComparison::entity).toList(),
                report.allJobsSucceeded(),
                report.unmatchedDeadLetters == 0 && report.missingDeadLetters == 0 && !report.malformed.isEmpty(),
                report.passed());
    }
}
