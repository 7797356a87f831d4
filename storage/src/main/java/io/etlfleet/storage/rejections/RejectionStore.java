package io.etlfleet.storage.rejections;

import io.etlfleet.storage.StorableText;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@code etl.record_rejections}: written in the transaction of the page or batch the records
 * came with, read for a job and its child jobs. Reasons and ids are stored with NUL and lone
 * surrogates (which PostgreSQL text refuses) spelled as a JSON escape (backslash, {@code u}, four hex digits), and reasons cut at
 * {@value #MAX_REASON} characters.
 */
public class RejectionStore {

    static final int MAX_REASON = 2000;

    /** A rejection to record; {@code rawId} is null for extract rejections. */
    public record NewRejection(String externalId, Long rawId, String reason) {
    }

    private final Jdbi jdbi;

    public RejectionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void add(Handle handle, UUID jobId, UUID tenantId, UUID integrationId, String entityType, String stage,
            List<NewRejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                insert into etl.record_rejections
                       (job_id, tenant_id, integration_id, entity_type, stage, external_id, raw_id, reason)
                values (:jobId, :tenantId, :integrationId, :entityType, :stage, :externalId, :rawId, :reason)""");
        for (NewRejection rejection : rejections) {
            String reason = StorableText.forTextColumn(rejection.reason() == null ? "" : rejection.reason());
            batch.bind("jobId", jobId)
                    .bind("tenantId", tenantId)
                    .bind("integrationId", integrationId)
                    .bind("entityType", entityType)
                    .bind("stage", stage)
                    .bind("externalId", StorableText.forTextColumn(rejection.externalId()))
                    .bind("rawId", rejection.rawId())
                    .bind("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                    .add();
        }
        batch.execute();
    }

    /** Rejections of the job and of its child jobs, oldest first. */
    public List<Rejection> forJob(UUID jobId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select r.* from etl.record_rejections r
                         where r.job_id = :jobId
                            or r.job_id in (select id from etl.etl_jobs where parent_id = :jobId)
                         order by r.id
                         limit :limit""")
                .bind("jobId", jobId)
                .bind("limit", limit)
                .map((rs, ctx) -> new Rejection(rs.getLong("id"), rs.getObject("job_id", UUID.class),
                        rs.getObject("integration_id", UUID.class), rs.getString("entity_type"), rs.getString("stage"),
                        rs.getString("external_id"), rs.getObject("raw_id", Long.class), rs.getString("reason"),
                        instant(rs.getTimestamp("rejected_at"))))
                .list());
    }

    /** How many rejections the job and its child jobs have. */
    public long countForJob(UUID jobId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.record_rejections r
                         where r.job_id = :jobId
                            or r.job_id in (select id from etl.etl_jobs where parent_id = :jobId)""")
                .bind("jobId", jobId)
                .mapTo(Long.class)
                .one());
    }

    private static java.time.Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
