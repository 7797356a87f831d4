package io.etlfleet.storage.ratelimits;

import io.etlfleet.storage.Hints;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code etl.rate_limit_budgets}: the budget a source grants one credential (by fingerprint)
 * per resource, shared by all workers. Taking a request is one guarded {@code update}, so
 * concurrent workers can never take more than what remains. Reports from responses lower the
 * remaining count within the known window and replace it for a later window.
 */
public class RateLimitBudgetRepository {

    private static final int MAX_TRIES = 3;

    /** One stored budget. {@code blockedUntil} is null unless the source asked to back off. */
    public record Budget(String resource, long limit, long remaining, long used, Instant resetAt, Instant blockedUntil) {
    }

    private final Jdbi jdbi;
    /** The credential each integration was last noted with here, and when: noted again after a minute. */
    private final Map<UUID, Noted> usersNoted = new ConcurrentHashMap<>();

    private record Noted(String fingerprint, Instant at) {
    }

    public RateLimitBudgetRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Takes one request: allowed when nothing is known yet, when the window has reset, or while
     * requests remain (one is then taken).
     *
     * @return empty when allowed, else the instant requests are allowed again
     */
    public Optional<Instant> tryAcquire(String fingerprint, String resource, Instant now) {
        return Hints.inTransaction(jdbi, h -> {
            for (int i = 0; i < MAX_TRIES; i++) {
                int taken = h.createUpdate("""
                                update etl.rate_limit_budgets
                                   set remaining = remaining - 1, used = used + 1, updated_at = now()
                                 where credential_fingerprint = :fingerprint and resource = :resource
                                   and remaining > 0 and reset_at > :now
                                   and (blocked_until is null or blocked_until <= :now)""")
                        .bind("fingerprint", fingerprint).bind("resource", resource).bind("now", ts(now))
                        .execute();
                if (taken == 1) {
                    return Optional.<Instant>empty();
                }
                Optional<Budget> budget = find(h, fingerprint, resource);
                if (budget.isEmpty()) {
                    return Optional.<Instant>empty();
                }
                Budget b = budget.get();
                if (b.blockedUntil() != null && b.blockedUntil().isAfter(now)) {
                    return Optional.of(b.blockedUntil());
                }
                if (!b.resetAt().isAfter(now)) {
                    return Optional.<Instant>empty();
                }
                if (b.remaining() <= 0) {
                    return Optional.of(b.resetAt());
                }
                // Another worker's report raised the count between the update and the read: try again.
            }
            return Optional.<Instant>empty();
        });
    }

    public void refund(String fingerprint, String resource, Instant now) {
        Hints.useTransaction(jdbi, h -> h.createUpdate("""
                        update etl.rate_limit_budgets
                           set remaining = least(limit_total, remaining + 1), used = greatest(0, used - 1),
                               updated_at = now()
                         where credential_fingerprint = :fingerprint and resource = :resource and reset_at > :now""")
                .bind("fingerprint", fingerprint).bind("resource", resource).bind("now", ts(now))
                .execute());
    }

    /** Records a source's report; {@code integrationId} (may be null) is noted as a user of the credential. */
    public void observe(String fingerprint, String resource, UUID integrationId, long limit, long remaining, long used,
            Instant resetAt) {
        Hints.useTransaction(jdbi, h -> {
            h.createUpdate("""
                            insert into etl.rate_limit_budgets as b
                                   (credential_fingerprint, resource, limit_total, remaining, used, reset_at, updated_at)
                            values (:fingerprint, :resource, :limit, :remaining, :used, :resetAt, now())
                            on conflict (credential_fingerprint, resource) do update set
                                limit_total = excluded.limit_total,
                                remaining = case when excluded.reset_at > b.reset_at then excluded.remaining
                                                 when excluded.reset_at = b.reset_at then least(b.remaining, excluded.remaining)
                                                 else b.remaining end,
                                used = case when excluded.reset_at > b.reset_at then excluded.used
                                            when excluded.reset_at = b.reset_at then greatest(b.used, excluded.used)
                                            else b.used end,
                                reset_at = greatest(b.reset_at, excluded.reset_at),
                                updated_at = now()""")
                    .bind("fingerprint", fingerprint).bind("resource", resource).bind("limit", limit)
                    .bind("remaining", remaining).bind("used", used).bind("resetAt", ts(resetAt))
                    .execute();
            if (integrationId != null && noteUser(integrationId, fingerprint)) {
                h.createUpdate("""
                                insert into etl.rate_limit_users (integration_id, credential_fingerprint, updated_at)
                                values (:integrationId, :fingerprint, now())
                                on conflict (integration_id) do update
                                   set credential_fingerprint = excluded.credential_fingerprint, updated_at = now()
                                 where etl.rate_limit_users.credential_fingerprint <> excluded.credential_fingerprint
                                    or etl.rate_limit_users.updated_at < now() - interval '1 minute'""")
                        .bind("integrationId", integrationId).bind("fingerprint", fingerprint)
                        .execute();
            }
        });
    }

    private boolean noteUser(UUID integrationId, String fingerprint) {
        Instant now = Instant.now();
        Noted before = usersNoted.get(integrationId);
        if (before != null && before.fingerprint().equals(fingerprint) && before.at().plusSeconds(60).isAfter(now)) {
            return false;
        }
        usersNoted.put(integrationId, new Noted(fingerprint, now));
        return true;
    }

    /** No request with this credential and resource before {@code until}. */
    public void block(String fingerprint, String resource, Instant until) {
        Hints.useTransaction(jdbi, h -> h.createUpdate("""
                        insert into etl.rate_limit_budgets as b
                               (credential_fingerprint, resource, limit_total, remaining, used, reset_at, blocked_until)
                        values (:fingerprint, :resource, 0, 0, 0, :until, :until)
                        on conflict (credential_fingerprint, resource) do update
                           set blocked_until = greatest(coalesce(b.blocked_until, excluded.blocked_until),
                                                        excluded.blocked_until),
                               updated_at = now()""")
                .bind("fingerprint", fingerprint).bind("resource", resource).bind("until", ts(until))
                .execute());
    }

    public Optional<Budget> find(String fingerprint, String resource) {
        return jdbi.withHandle(h -> find(h, fingerprint, resource));
    }

    /** The budgets of the credential the integration's requests used last, by resource. */
    public List<Budget> forIntegration(UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select b.resource, b.limit_total, b.remaining, b.used, b.reset_at, b.blocked_until
                          from etl.rate_limit_users u
                          join etl.rate_limit_budgets b on b.credential_fingerprint = u.credential_fingerprint
                         where u.integration_id = :integrationId
                         order by b.resource""")
                .bind("integrationId", integrationId)
                .map((rs, ctx) -> budget(rs))
                .list());
    }

    /**
     * What remains of the budgets per integration type and resource: the lowest count over the
     * credentials integrations of the type used last. A window that has reset counts as its full
     * limit, a credential the source asked to back off as zero; a backoff without a known limit
     * that has passed tells nothing and is left out.
     */
    public List<TypeRemaining> remainingByType(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select i.type, b.resource,
                               min(case when b.blocked_until > :now then 0
                                        when b.reset_at <= :now then b.limit_total
                                        else b.remaining end) as remaining
                          from etl.rate_limit_budgets b
                          join etl.rate_limit_users u on u.credential_fingerprint = b.credential_fingerprint
                          join etl.integrations i on i.id = u.integration_id
                         where i.deleted_at is null
                           and not (b.limit_total = 0 and b.reset_at <= :now and coalesce(b.blocked_until, b.reset_at) <= :now)
                         group by i.type, b.resource
                         order by i.type, b.resource""")
                .bind("now", ts(now))
                .map((rs, ctx) -> new TypeRemaining(rs.getString("type"), rs.getString("resource"), rs.getLong("remaining")))
                .list());
    }

    /** The lowest remaining budget of an integration type's credentials for one resource. */
    public record TypeRemaining(String integrationType, String resource, long remaining) {
    }

    private static Optional<Budget> find(Handle h, String fingerprint, String resource) {
        return h.createQuery("""
                        select resource, limit_total, remaining, used, reset_at, blocked_until
                          from etl.rate_limit_budgets
                         where credential_fingerprint = :fingerprint and resource = :resource""")
                .bind("fingerprint", fingerprint).bind("resource", resource)
                .map((rs, ctx) -> budget(rs))
                .findOne();
    }

    private static Budget budget(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp blocked = rs.getTimestamp("blocked_until");
        return new Budget(rs.getString("resource"), rs.getLong("limit_total"), rs.getLong("remaining"),
                rs.getLong("used"), rs.getTimestamp("reset_at").toInstant(), blocked == null ? null : blocked.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
