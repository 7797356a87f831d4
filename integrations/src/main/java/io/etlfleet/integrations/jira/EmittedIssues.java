package io.etlfleet.integrations.jira;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The issues one run has emitted, by issue id, so that none is emitted twice in a run (keyset
 * pages start with the previous page's last issues again, and Jira may answer an issue on two
 * pages), and the cursor they make.
 *
 * <p>The cursor is the highest {@code updated} emitted (or the incoming cursor, if higher), held
 * back to the earliest newer version of an already-emitted issue that was skipped: such an
 * issue changed during the run yet stayed inside its upper bound (Jira's clock behind the
 * worker's), and the next incremental run must read that version, so the cursor must not pass
 * it. A reappearing issue is a newer version exactly when its {@code updated} is later than the
 * query's lower bound, which is at or after every version emitted before.
 *
 * <p>Holds about 50 bytes per issue read (a numeric id is kept as a {@code Long}).
 */
final class EmittedIssues {

    static final String HELD_BACK_MS = "held_back_ms";

    private final Set<Object> ids = new HashSet<>();
    private Long maxUpdatedMs;
    private Long heldBackMs;

    EmittedIssues(Long maxUpdatedMs, Long heldBackMs, Set<String> emitted) {
        this.maxUpdatedMs = maxUpdatedMs;
        this.heldBackMs = heldBackMs;
        emitted.forEach(id -> ids.add(compact(id)));
    }

    /** A resumed run's: the cursor's parts from the checkpoint, and the issues it says were emitted at its keyset. */
    static EmittedIssues resumed(Long incomingCursor, Map<String, String> checkpoint, Set<String> emittedAtKeyset) {
        return new EmittedIssues(later(incomingCursor, IssueKeyset.millis(checkpoint.get(IssueKeyset.MAX_UPDATED_MS))),
                IssueKeyset.millis(checkpoint.get(HELD_BACK_MS)), emittedAtKeyset);
    }

    /** What {@link #admit} made of an issue. */
    enum Admission {
        /** Not emitted before in this run: emit it. */
        NEW,
        /** The same version again (a page boundary, or Jira answering it twice): drop it. */
        REPEATED,
        /** A later version of an issue emitted before: drop it, and hold the cursor back to it. */
        CHANGED
    }

    /** @param queryFromMs the lower bound of the query that returned the issue (null for none) */
    Admission admit(String id, Long updatedMs, Long queryFromMs) {
        if (ids.add(compact(id))) {
            maxUpdatedMs = later(maxUpdatedMs, updatedMs);
            return Admission.NEW;
        }
        if (updatedMs != null && queryFromMs != null && updatedMs > queryFromMs) {
            heldBackMs = heldBackMs == null ? updatedMs : Math.min(heldBackMs, updatedMs);
            return Admission.CHANGED;
        }
        return Admission.REPEATED;
    }

    /** The running cursor {@code {updated_ms}}; empty while nothing has a date. */
    Map<String, String> cursor() {
        Long cursor = heldBackMs == null || maxUpdatedMs == null ? later(maxUpdatedMs, heldBackMs)
                : Math.min(maxUpdatedMs, heldBackMs);
        return cursor == null ? Map.of() : Map.of(IssuesExtraction.CURSOR_UPDATED_MS, Long.toString(cursor));
    }

    /** What a checkpoint needs to rebuild the cursor: {@code max_updated_ms}, {@code held_back_ms}. */
    Map<String, String> checkpoint() {
        Map<String, String> checkpoint = new LinkedHashMap<>();
        if (maxUpdatedMs != null) {
            checkpoint.put(IssueKeyset.MAX_UPDATED_MS, Long.toString(maxUpdatedMs));
        }
        if (heldBackMs != null) {
            checkpoint.put(HELD_BACK_MS, Long.toString(heldBackMs));
        }
        return checkpoint;
    }

    static Long later(Long a, Long b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }

    private static Object compact(String id) {
        return id.matches("\\d{1,18}") ? (Object) Long.valueOf(id) : id;
    }
}
