package io.etlfleet.extract.ratelimits;

import io.etlfleet.queue.consume.DeliveryContext;
import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.RetryTier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a rate-limited extract job back on its queue after a delay, through the retry tiers
 * (a confirmed publish to the tier's exchange, routed back to the work queue when it expires),
 * with the delivery's headers unchanged: a rate limit is not a failed attempt. The tier is the
 * longest one not beyond the source's reset (the first tier when the reset is nearer), so the
 * job comes back at or before the reset; if the budget is still spent, it is deferred again
 * without a request to the source. Meanwhile the consumer takes other jobs.
 */
public final class RateLimitDeferral {

    private static final Logger log = LoggerFactory.getLogger(RateLimitDeferral.class);

    private final ConfirmedPublisher publisher;
    private final List<RetryTier> tiers;
    private final JobMessageCodec codec;
    private final Clock clock;

    public RateLimitDeferral(ConfirmedPublisher publisher, List<RetryTier> tiers, JobMessageCodec codec, Clock clock) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("at least one retry tier is required");
        }
        this.publisher = publisher;
        this.tiers = List.copyOf(tiers);
        this.codec = codec;
        this.clock = clock;
    }

    /** @throws io.etlfleet.queue.publish.PublishException when the broker did not confirm the copy */
    public RetryTier defer(ExtractJobMessage message, DeliveryContext context, Instant resetAt) {
        RetryTier tier = tierFor(Duration.between(clock.instant(), resetAt));
        publisher.publish(new OutgoingMessage(tier.name(), context.queue(), context.messageId(), codec.encode(message),
                DeadLetterHeaders.carried(context.headers())));
        log.info("Extract job {} is rate limited until {}; back on {} in {} (attempt {} not counted)",
                message.jobId(), resetAt, context.queue(), tier.delay(), context.attempt());
        return tier;
    }

    RetryTier tierFor(Duration untilReset) {
        RetryTier chosen = tiers.get(0);
        for (RetryTier tier : tiers) {
            if (tier.delay().compareTo(untilReset) <= 0) {
                chosen = tier;
            }
        }
        return chosen;
    }
}
