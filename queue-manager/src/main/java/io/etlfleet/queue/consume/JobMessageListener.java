package io.etlfleet.queue.consume;

import com.rabbitmq.client.Channel;
import io.etlfleet.queue.deadletter.DeadLetterHeaders;
import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.MalformedMessageException;
import io.etlfleet.queue.publish.PublishException;
import io.etlfleet.queue.topology.RetryTier;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * The one consume flow of the fleet, run on a listener container thread with manual acks:
 * decode, handle, then acknowledge; or route the failure (retry tier, dead-letter queue, back
 * to the queue) and acknowledge once the broker confirmed the new copy. When that publish
 * fails the delivery is nacked with requeue instead, so a message is never lost.
 */
final class JobMessageListener<T extends JobMessage> implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobMessageListener.class);

    private final String queue;
    private final Class<T> type;
    private final JobHandler<? super T> handler;
    private final FailureClassifier classifier;
    private final ConsumerSettings settings;
    private final FailureRouter router;
    private final JobMessageCodec codec = new JobMessageCodec();

    JobMessageListener(String queue, Class<T> type, JobHandler<? super T> handler, FailureClassifier classifier,
            ConsumerSettings settings, FailureRouter router) {
        this.queue = queue;
        this.type = type;
        this.handler = handler;
        this.classifier = classifier;
        this.settings = settings;
        this.router = router;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        MessageProperties properties = message.getMessageProperties();
        int attempt = DeadLetterHeaders.attempts(properties.getHeaders()) + 1;
        MDC.put("job_id", properties.getMessageId());
        try {
            T job;
            try {
                job = codec.decode(message.getBody(), type);
            } catch (MalformedMessageException e) {
                deadLetter(message, channel, e, DeadLetterHeaders.DECODE_STAGE, attempt);
                return;
            }
            MDC.put("tenant_id", String.valueOf(job.tenantId()));
            MDC.put("integration_id", String.valueOf(job.integrationId()));
            DeliveryContext context = new DeliveryContext(properties.getMessageId(), queue, attempt,
                    Boolean.TRUE.equals(properties.getRedelivered()), properties.getHeaders());
            try {
                handler.handle(job, context);
            } catch (Throwable failure) {
                onFailure(message, channel, failure, attempt);
                return;
            }
            channel.basicAck(properties.getDeliveryTag(), false);
        } finally {
            MDC.remove("job_id");
            MDC.remove("tenant_id");
            MDC.remove("integration_id");
        }
    }

    private void onFailure(Message message, Channel channel, Throwable failure, int attempt) throws IOException {
        switch (classify(failure)) {
            case REQUEUE -> requeue(message, channel, failure);
            case WAIT -> delay(message, channel, failure);
            case DEAD_LETTER -> deadLetter(message, channel, failure, settings.stage(), attempt);
            case RETRY -> {
                if (attempt < settings.maxAttempts()) {
                    retry(message, channel, failure, attempt);
                } else {
                    deadLetter(message, channel, failure, settings.stage(), attempt);
                }
            }
        }
    }

    private Disposition classify(Throwable failure) {
        try {
            Disposition disposition = classifier.classify(failure);
            return disposition == null ? Disposition.RETRY : disposition;
        } catch (RuntimeException e) {
            log.warn("Failure classifier threw {} for {}; retrying the job", e, failure.getClass().getName());
            return Disposition.RETRY;
        }
    }

    private void retry(Message message, Channel channel, Throwable failure, int attempt) throws IOException {
        String messageId = message.getMessageProperties().getMessageId();
        try {
            RetryTier tier = router.retry(message, attempt);
            log.warn("Job {} on {} failed on attempt {} of {}, retrying after {}: {}", messageId, queue, attempt,
                    settings.maxAttempts(), tier.delay(), failure.toString());
        } catch (PublishException e) {
            putBack(message, channel, "retry of job " + messageId, e);
            return;
        }
        ack(message, channel);
    }

    private void delay(Message message, Channel channel, Throwable failure) throws IOException {
        String messageId = message.getMessageProperties().getMessageId();
        Duration wait;
        try {
            wait = classifier.waitFor(failure);
        } catch (RuntimeException e) {
            wait = Duration.ZERO;
        }
        try {
            RetryTier tier = router.delay(message, wait == null ? Duration.ZERO : wait);
            log.info("Job {} on {} waits out a rate limit ({} asked, {} tier), no attempt counted: {}", messageId,
                    queue, wait, tier.delay(), failure.toString());
        } catch (PublishException e) {
            putBack(message, channel, "delay of job " + messageId, e);
            return;
        }
        ack(message, channel);
    }

    private void deadLetter(Message message, Channel channel, Throwable failure, String stage, int attempts)
            throws IOException {
        String messageId = message.getMessageProperties().getMessageId();
        try {
            router.deadLetter(message, failure, stage, attempts);
            if (failure instanceof MalformedMessageException) {
                // The reason says it all; a stack trace of the decoder would only add noise.
                log.error("Job {} on {} dead-lettered at stage {}: {}", messageId, queue, stage, failure.toString());
            } else {
                log.error("Job {} on {} dead-lettered at stage {} after {} attempt(s): {}", messageId, queue, stage,
                        attempts, failure.toString(), failure);
            }
        } catch (PublishException e) {
            putBack(message, channel, "dead-lettering of job " + messageId, e);
            return;
        }
        ack(message, channel);
    }

    private void requeue(Message message, Channel channel, Throwable failure) throws IOException {
        String messageId = message.getMessageProperties().getMessageId();
        log.warn("Job {} on {} hit an infrastructure failure, requeueing it after {}: {}", messageId, queue,
                settings.requeuePause(), failure.toString());
        pause(settings.requeuePause());
        try {
            router.requeue(message);
        } catch (PublishException e) {
            log.warn("The requeue of job {} was not confirmed, returning the delivery to {}: {}", messageId, queue,
                    e.getMessage());
            channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
            return;
        }
        ack(message, channel);
    }

    // The copy was not confirmed: leave the original with the broker and slow down, since the
    // broker is what is failing and an immediate redelivery would fail the same way.
    private void putBack(Message message, Channel channel, String what, PublishException e) throws IOException {
        log.warn("The {} was not confirmed, returning the delivery to {}: {}", what, queue, e.getMessage());
        pause(settings.requeuePause());
        channel.basicNack(message.getMessageProperties().getDeliveryTag(), false, true);
    }

    private static void ack(Message message, Channel channel) throws IOException {
        channel.basicAck(message.getMessageProperties().getDeliveryTag(), false);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
