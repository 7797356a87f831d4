package io.etlfleet.storage.workers;

import io.etlfleet.storage.JsonColumns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.core.type.TypeReference;

/**
 * Desired consumer counts per integration type, changed at run time. A worker's desired value
 * for a type is its own (set with {@link #setForWorker}) when it has one, else the fleet-wide
 * value of its kind and type ({@link #setForType}), else none: it keeps its configured value.
 * Setting a fleet-wide value clears the per-worker values of that kind and type, so the last
 * change wins.
 */
public class WorkerConcurrencyStore {

    /** Largest accepted concurrency per type and worker (the schema checks the same bound). */
    public static final int MAX_CONCURRENCY = 64;

    private static final TypeReference<LinkedHashMap<String, Integer>> CONCURRENCY = new TypeReference<>() {
    };

    private final Jdbi jdbi;

    public WorkerConcurrencyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The desired values of one worker, for the types that have one; empty for an unknown worker. */
    public Map<String, Integer> desiredFor(String workerId) {
        return jdbi.withHandle(h -> h.createQuery(DESIRED + " where w.id = :id")
                .bind("id", workerId)
                .map((rs, ctx) -> parse(rs.getString("desired")))
                .findOne()
                .orElse(Map.of()));
    }

    /** Desired values of every worker that has not stopped, by worker id. */
    public Map<String, Map<String, Integer>> desiredOfLiveWorkers() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(DESIRED + " where w.stopped_at is null")
                .map((rs, ctx) -> Map.entry(rs.getString("id"), parse(rs.getString("desired"))))
                .forEach(entry -> all.put(entry.getKey(), entry.getValue())));
        return all;
    }

    /**
     * Merges {@code concurrency} into a live worker's own desired values.
     *
     * @return false when no live worker has that id
     */
    public boolean setForWorker(String workerId, Map<String, Integer> concurrency) {
        concurrency.values().forEach(WorkerConcurrencyStore::requireInRange);
        return jdbi.withHandle(h -> h.createUpdate("""
                        update etl.workers set desired_concurrency = desired_concurrency || cast(:desired as jsonb)
                         where id = :id and stopped_at is null""")
                .bind("id", workerId)
                .bind("desired", JsonColumns.write(concurrency))
                .execute()) == 1;
    }

    /** Sets the fleet-wide desired value of a kind and type and clears the per-worker ones. */
    public void setForType(String kind, String type, int concurrency) {
        requireInRange(concurrency);
        jdbi.useTransaction(h -> {
            h.createUpdate("""
                            insert into etl.worker_type_concurrency (kind, type, concurrency) values (:kind, :type, :n)
                            on conflict (kind, type) do update set concurrency = excluded.concurrency, updated_at = now()""")
                    .bind("kind", kind)
                    .bind("type", type)
                    .bind("n", concurrency)
                    .execute();
            h.createUpdate("update etl.workers set desired_concurrency = desired_concurrency - :type where kind = :kind")
                    .bind("kind", kind)
                    .bind("type", type)
                    .execute();
        });
    }

    /** Records what a worker has applied, shown as its {@code concurrency}. */
    public void recordApplied(String workerId, Map<String, Integer> concurrency) {
        jdbi.useHandle(h -> h.createUpdate("update etl.workers set concurrency = cast(:c as jsonb) where id = :id")
                .bind("id", workerId)
                .bind("c", JsonColumns.write(concurrency))
                .execute());
    }

    private static void requireInRange(int concurrency) {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", was "
                    + concurrency);
        }
    }

    private static Map<String, Integer> parse(String json) {
        return json == null ? Map.of() : JsonColumns.MAPPER.readValue(json, CONCURRENCY);
    }

    // Fleet-wide values of the worker's kind for its types, overlaid by its own (|| keeps the right side).
    private static final String DESIRED = """
            select w.id,
                   (coalesce((select jsonb_object_agg(t.type, t.concurrency) from etl.worker_type_concurrency t
                               where t.kind = w.kind and t.type = any(w.types)), '{}'::jsonb)
                    || w.desired_concurrency)::text as desired
              from etl.workers w""";
}
