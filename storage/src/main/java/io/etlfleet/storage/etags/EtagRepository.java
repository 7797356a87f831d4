package io.etlfleet.storage.etags;

import io.etlfleet.storage.Hints;
import io.etlfleet.storage.JsonColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code etl.http_etags}: the ETag of the last stored response per integration and request URL,
 * with the small facts the connector keeps about it. Entries not used for
 * {@value #RETENTION_DAYS} days are dropped when the integration saves a new one (at most once
 * an hour per integration and process), since incremental URLs (with {@code since}) change from
 * run to run.
 */
public class EtagRepository {

    static final int RETENTION_DAYS = 30;

    /** A stored validator and its facts. */
    public record Entry(String etag, Map<String, String> facts) {
    }

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Map<UUID, Instant> prunedAt = new ConcurrentHashMap<>();

    public EtagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Entry> find(UUID integrationId, String url) {
        return jdbi.withHandle(h -> h.createQuery("""
                        update etl.http_etags set updated_at = now()
                         where integration_id = :integrationId and url = :url
                        returning etag, facts::text as facts""")
                .bind("integrationId", integrationId)
                .bind("url", url)
                .map((rs, ctx) -> new Entry(rs.getString("etag"), JsonColumns.strings(rs.getString("facts"))))
                .findOne());
    }

    public void save(UUID integrationId, String url, Entry entry) {
        Hints.useTransaction(jdbi, h -> {
            h.createUpdate("""
                            insert into etl.http_etags (integration_id, url, etag, facts, updated_at)
                            values (:integrationId, :url, :etag, cast(:facts as jsonb), now())
                            on conflict (integration_id, url) do update
                               set etag = excluded.etag, facts = excluded.facts, updated_at = now()""")
                    .bind("integrationId", integrationId)
                    .bind("url", url)
                    .bind("etag", entry.etag())
                    .bind("facts", JsonColumns.write(entry.facts()))
                    .execute();
            Instant now = Instant.now();
            Instant last = prunedAt.get(integrationId);
            if (last != null && last.plus(PRUNE_EVERY).isAfter(now)) {
                return;
            }
            prunedAt.put(integrationId, now);
            h.createUpdate("""
                            delete from etl.http_etags
                             where integration_id = :integrationId
                               and updated_at < now() - make_interval(days => :days)""")
                    .bind("integrationId", integrationId)
                    .bind("days", RETENTION_DAYS)
                    .execute();
        });
    }
}
