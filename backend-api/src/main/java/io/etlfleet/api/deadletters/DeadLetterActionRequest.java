package io.etlfleet.api.deadletters;

import java.util.List;

/**
 * Body of {@code POST /api/v1/dead-letters/replay} and {@code .../discard}: the messages of one
 * dead-letter queue, either by id or all of one error class.
 */
public record DeadLetterActionRequest(String queue, List<String> messageIds, String errorClass) {
}
