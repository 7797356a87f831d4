package io.etlfleet.fleet.faults;

import io.etlfleet.queue.deadletter.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a fault run did and found; {@link #passed()} when the fleet lost and duplicated nothing. */
final class FaultRunReport {

    record Injected(String fault, double progress, Duration at, String detail) {
    }

    final FaultPlan plan;
    final List<Injected> injected = new ArrayList<>();
    List<EntityComparison> entities = List.of();
    Map<String, Long> jobStatuses = Map.of();
    List<MalformedMessages.Sent> malformed = List.of();
    List<DeadLetter> deadLetters = List.of();
    long unmatchedDeadLetters;
    long missingDeadLetters;
    long pendingOutbox;
    long sourceRecords;
    int serverErrors;
    int rateLimits;
    int concurrentEdits;
    int concurrentCreations;
    Duration syncTime = Duration.ZERO;
    Duration total = Duration.ZERO;

    FaultRunReport(FaultPlan plan) {
        this.plan = plan;
    }

    long faultsPlanned() {
        return plan.extractKills() + plan.transformKills() + plan.gracefulStops() + (plan.restartBroker() ? 1 : 0)
                + (plan.restartDatabase() ? 1 : 0);
    }

    boolean allJobsSucceeded() {
        return !jobStatuses.isEmpty() && jobStatuses.keySet().stream().allMatch("succeeded"::equals);
    }

    boolean passed() {
        return injected.size() == faultsPlanned() && entities.stream().allMatch(EntityComparison::exact)
                && allJobsSucceeded() && unmatchedDeadLetters == 0 && missingDeadLetters == 0 && pendingOutbox == 0;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(100) + "\n";
        out.append("\n  etl-fleet fault-injection run: ").append(passed() ? "PASSED" : "FAILED").append('\n');
        out.append(rule);
        out.append(String.format("  %-28s %9s %9s  %s%n", "fault", "progress", "at", "detail"));
        for (Injected i : injected) {
            out.append(String.format("  %-28s %8.0f%% %8.1fs  %s%n", i.fault(), i.progress() * 100,
                    i.at().toMillis() / 1000.0, i.detail()));
        }
        out.append(String.format("  %-28s %9s %9s  %d 5xx, %d rate limits (GitHub and Jira)%n", "source faults", "",
                "", serverErrors, rateLimits));
        if (plan.concurrentChanges()) {
            out.append(String.format("  %-28s %9s %9s  %d edits, %d new issues while the full sync paged%n",
                    "source changes", "", "", concurrentEdits, concurrentCreations));
        }
        out.append(rule);
        out.append(String.format("  %-24s %9s %9s %8s %10s %6s %10s  %s%n", "entity", "source", "warehouse",
                "missing", "duplicates", "stale", "unexpected", "result"));
        for (EntityComparison e : entities) {
            out.append(String.format("  %-24s %9d %9d %8d %10d %6d %10d  %s%n", e.entity(), e.source(),
                    e.warehouse(), e.missing(), e.duplicates(), e.stale(), e.unexpected(), e.exact() ? "exact" : "WRONG"));
            e.examples().forEach(example -> out.append("      ").append(example).append('\n'));
        }
        out.append(rule);
        out.append(String.format("  %-28s %s%s%n", "jobs by status", jobStatuses,
                allJobsSucceeded() ? "  (all terminal, all succeeded)" : "  NOT ALL SUCCEEDED"));
        out.append(String.format("  %-28s %d%n", "outbox rows unpublished", pendingOutbox));
        out.append(String.format("  %-28s %d in DLQs, %d malformed sent, %d unexplained, %d missing%n",
                "dead letters", deadLetters.size(), malformed.size(), unmatchedDeadLetters, missingDeadLetters));
        for (DeadLetter letter : deadLetters) {
            out.append(String.format("      %-24s %-44s %s: %s%n", letter.queue(), letter.messageId(),
                    letter.errorClass().substring(letter.errorClass().lastIndexOf('.') + 1),
                    abbreviate(letter.errorMessage())));
        }
        out.append(rule);
        out.append(String.format("  %-28s %d records at the source; sync with faults %.1f s; whole run %.1f s%n",
                "time", sourceRecords, syncTime.toMillis() / 1000.0, total.toMillis() / 1000.0));
        return out.toString();
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 70 ? text : text.substring(0, 69) + "…";
    }
}
