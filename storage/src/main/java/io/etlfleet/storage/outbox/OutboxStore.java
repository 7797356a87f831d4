package io.etlfleet.storage.outbox;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Reads and writes {@code etl.outbox}. */
public class OutboxStore {

    public void add(Handle handle, OutboxMessage message) {
        handle.createUpdate("""
                        insert into etl.outbox (exchange, routing_key, message_id, body)
                        values (:exchange, :routingKey, :messageId, :body)""")
                .bind("exchange", message.exchange())
                .bind("routingKey", message.routingKey())
                .bind("messageId", message.messageId())
                .bind("body", message.body())
                .execute();
    }

    /**
     * Locks up to {@code limit} unpublished messages, oldest first, skipping those another
     * relay holds, so several relays never publish the same row at the same time.
     */
    public List<OutboxMessage> lockUnpublished(Handle handle, int limit) {
        return handle.createQuery("""
                        select id, exchange, routing_key, message_id, body from etl.outbox
                         where published_at is null order by id limit :limit for update skip locked""")
                .bind("limit", limit)
                .map((rs, ctx) -> new OutboxMessage(rs.getLong("id"), rs.getString("exchange"),
                        rs.getString("routing_key"), rs.getString("message_id"), rs.getBytes("body")))
                .list();
    }

    public void markPublished(Handle handle, List<Long> ids) {
        handle.createUpdate("update etl.outbox set published_at = now() where id = any(:ids)")
                .bindArray("ids", Long.class, ids)
                .execute();
    }

    /** Deletes published rows older than {@code retentionSeconds}; the relay calls it now and then. */
    public int purgePublished(Handle handle, long retentionSeconds) {
        return handle.createUpdate("""
                        delete from etl.outbox
                         where published_at is not null and published_at < now() - make_interval(secs => :seconds)""")
                .bind("seconds", (double) retentionSeconds)
                .execute();
    }

    public long pendingCount(Handle handle) {
        return handle.createQuery("select count(*) from etl.outbox where published_at is null").mapTo(Long.class).one();
    }
}
