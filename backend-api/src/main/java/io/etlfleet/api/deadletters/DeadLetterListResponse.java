package io.etlfleet.api.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answer to {@code GET /api/v1/dead-letters}: counts per queue and error class, and the messages themselves. */
public record DeadLetterListResponse(List<Count> counts, List<Item> items) {

    public record Count(String queue, String originQueue, String errorClass, long count) {
    }

    /** One dead-lettered message; {@code body} is its text (job messages are JSON), with credentials redacted. */
    public record Item(String messageId, String queue, String originQueue, String errorClass, String errorMessage,
            String stage, int attempts, String workerId, Instant failedAt, Map<String, Object> headers, String body) {
    }

    /** @param notReplayed selected messages left in the queue because their job cannot run again */
    public record Replayed(int replayed, List<NotReplayed> notReplayed) {
    }

    public record NotReplayed(String messageId, String reason) {
    }

    public record Discarded(int discarded) {
    }
}
