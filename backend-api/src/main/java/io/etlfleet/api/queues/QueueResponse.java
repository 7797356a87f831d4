package io.etlfleet.api.queues;

import java.time.Instant;
import java.util.List;

/**
 * Answer to {@code GET /api/v1/queues}.
 *
 * @param source {@code management} when read from the management API; {@code amqp} when it was
 *               unreachable and only depth and consumers are known (unacked and rates are then 0)
 */
public record QueueResponse(Instant sampledAt, String source, List<Queue> queues) {

    /**
     * @param kind {@code extract}, {@code transform}, {@code retry} or {@code dead_letter}
     * @param type the integration type of the queue; null for retry tiers
     */
    public record Queue(String name, String kind, String type, long messagesReady, long messagesUnacked, int consumers,
            double publishRate, double deliverRate) {
    }
}
