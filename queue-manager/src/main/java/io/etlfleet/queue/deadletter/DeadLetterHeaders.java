package io.etlfleet.queue.deadletter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headers the fleet puts on messages it retries and dead-letters. Consumers, the dead-letter
 * browser and the monitoring UI read exactly these names.
 */
public final class DeadLetterHeaders {

    /** Fully qualified class of the failure, e.g. {@code io.etlfleet.queue.messages.UnsupportedVersionException}. */
    public static final String ERROR_CLASS = "x-etl-error-class";
    /** The failure's message, at most {@link #MAX_ERROR_MESSAGE_LENGTH} characters. */
    public static final String ERROR_MESSAGE = "x-etl-error-message";
    /** Where it failed: {@code decode}, {@code extract} or {@code transform}. */
    public static final String STAGE = "x-etl-stage";
    /**
     * Attempts made so far. Absent on a fresh message; on a retried message, the failed attempts
     * before this delivery; on a dead letter, all attempts made.
     */
    public static final String ATTEMPTS = "x-etl-attempts";
    public static final String WORKER = "x-etl-worker";
    /** ISO-8601 instant of the final failure. */
    public static final String FAILED_AT = "x-etl-failed-at";
    /** The work queue the message failed on; replay sends it back there. */
    public static final String ORIGIN_QUEUE = "x-etl-origin-queue";

    /** Stage of a message whose body could not be decoded. */
    public static final String DECODE_STAGE = "decode";

    public static final int MAX_ERROR_MESSAGE_LENGTH = 2_000;

    /** What the fleet writes on a failure; replay removes these. */
    public static final List<String> FAILURE_HEADERS =
            List.of(ERROR_CLASS, ERROR_MESSAGE, STAGE, ATTEMPTS, WORKER, FAILED_AT, ORIGIN_QUEUE);

    private DeadLetterHeaders() {
    }

    /** The {@link #ATTEMPTS} value of these headers, 0 when absent or unreadable. */
    public static int attempts(Map<String, Object> headers) {
        Object value = headers == null ? null : headers.get(ATTEMPTS);
        if (value instanceof Number number) {
            return Math.max(0, number.intValue());
        }
        if (value != null) {
            try {
                return Math.max(0, Integer.parseInt(value.toString().trim()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The headers worth carrying when the fleet republishes a delivered message: everything
     * except what the broker (x-death, delivery count) and Spring AMQP (return correlation)
     * add on each trip, which would otherwise pile up or mislead.
     */
    public static Map<String, Object> carried(Map<String, Object> headers) {
        Map<String, Object> carried = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (!name.startsWith("spring_") && !name.equals("x-death") && !name.startsWith("x-first-death-")
                        && !name.startsWith("x-last-death-") && !name.equals("x-delivery-count")) {
                    carried.put(name, value);
                }
            });
        }
        return Collections.unmodifiableMap(carried);
    }

    public static String truncate(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_ERROR_MESSAGE_LENGTH ? message
                : message.substring(0, MAX_ERROR_MESSAGE_LENGTH - 1) + "…";
    }
}
