package io.etlfleet.queue.publish;

import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.topology.QueueNames;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes messages and blocks until the broker has confirmed each one. Every message is
 * persistent, {@code application/json} and mandatory, so a message that reaches no queue
 * counts as a failure rather than vanishing.
 *
 * <p>Thread-safe; share one instance per connection factory. Calls block the calling thread
 * for at most the confirm timeout of {@link PublisherSettings}. Nothing is retried here: a
 * failure is reported to the caller, who decides (the consumer requeues the delivery it was
 * handling, the outbox relay keeps the row for its next round).
 *
 * <p>Publishing uses Spring AMQP's separate publisher connection, so a broker that blocks
 * publishers under memory pressure does not also stall the consumers' acks.
 */
public final class ConfirmedPublisher {

    private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);
    private static final String CONFIRMED = "confirmed";

    private final RabbitTemplate template;
    private final PublisherSettings settings;
    private final JobMessageCodec codec = new JobMessageCodec();

    /**
     * @param connectionFactory must have correlated publisher confirms and publisher returns on,
     *                          as {@link io.etlfleet.queue.connection.RabbitConnections} sets them
     */
    public ConfirmedPublisher(ConnectionFactory connectionFactory, PublisherSettings settings) {
        Objects.requireNonNull(connectionFactory, "connectionFactory");
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalArgumentException(
                    "the connection factory needs correlated publisher confirms and publisher returns");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.template = new RabbitTemplate(connectionFactory);
        template.setMandatory(true);
        template.setUsePublisherConnection(true);
        // Returns are read from each message's CorrelationData; the callback only leaves a trace.
        template.setReturnsCallback(returned -> log.debug("Broker returned message {} from {}/{}: {}",
                returned.getMessage().getMessageProperties().getMessageId(), returned.getExchange(),
                returned.getRoutingKey(), returned.getReplyText()));
    }

    public ConfirmedPublisher(ConnectionFactory connectionFactory) {
        this(connectionFactory, PublisherSettings.defaults());
    }

    /**
     * Publishes one message and waits for its confirm.
     *
     * @throws PublishException if the broker nacks or returns it, does not confirm it in time,
     *                          or the connection or channel fails
     */
    public void publish(OutgoingMessage message) {
        PublishResult result = publishAll(List.of(message));
        if (!result.allConfirmed()) {
            PublishFailure failure = result.failed().get(0);
            throw new PublishException("message " + message.messageId() + " to " + message.exchange() + "/"
                    + message.routingKey() + " not confirmed: " + failure.reason());
        }
    }

    /** Publishes an extract job to {@code etl.extract}: incremental ones to its type's queue, full ones to its backfill queue. */
    public void publishExtractJob(ExtractJobMessage job) {
        publish(jobMessage(QueueNames.EXTRACT_EXCHANGE, job));
    }

    /** Publishes a transform job to {@code etl.transform} with its integration type as routing key. */
    public void publishTransformJob(TransformJobMessage job) {
        publish(jobMessage(QueueNames.TRANSFORM_EXCHANGE, job));
    }

    /** The message {@link #publishExtractJob} or {@link #publishTransformJob} would send, for batching. */
    public OutgoingMessage jobMessage(String exchange, JobMessage job) {
        String routingKey = job instanceof ExtractJobMessage extract
                ? QueueNames.extractRoutingKey(extract.integrationType(), extract.mode())
                : job.integrationType();
        return OutgoingMessage.of(exchange, routingKey, job.jobId().toString(), codec.encode(job));
    }

    /**
     * Publishes the messages in order on one channel, then waits for all confirms, up to the
     * confirm timeout in total. Never throws for a broker-side failure: each message ends up in
     * exactly one list of the result. A channel error (such as a missing exchange) closes the
     * channel, so the messages after it in the batch fail too.
     */
    public PublishResult publishAll(List<OutgoingMessage> messages) {
        List<OutgoingMessage> batch = List.copyOf(messages);
        // Per position: null while unsettled, CONFIRMED, or the reason it failed.
        String[] outcomes = new String[batch.size()];
        try {
            template.invoke(operations -> {
                CorrelationData[] correlations = new CorrelationData[batch.size()];
                for (int i = 0; i < batch.size(); i++) {
                    correlations[i] = new CorrelationData(UUID.randomUUID().toString());
                    try {
                        operations.send(batch.get(i).exchange(), batch.get(i).routingKey(), toAmqp(batch.get(i)),
                                correlations[i]);
                    } catch (AmqpException e) {
                        outcomes[i] = "publish failed: " + describe(e);
                    }
                }
                // Waiting inside invoke keeps the channel, and its pending confirms, ours until done.
                long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
                for (int i = 0; i < batch.size(); i++) {
                    if (outcomes[i] == null) {
                        outcomes[i] = awaitConfirm(correlations[i], deadline);
                    }
                }
                return null;
            });
        } catch (AmqpException e) {
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    outcomes[i] = "connection failed: " + describe(e);
                }
            }
        }
        return result(batch, outcomes);
    }

    private static PublishResult result(List<OutgoingMessage> batch, String[] outcomes) {
        List<OutgoingMessage> confirmed = new ArrayList<>();
        List<PublishFailure> failed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (CONFIRMED.equals(outcomes[i])) {
                confirmed.add(batch.get(i));
            } else {
                failed.add(new PublishFailure(batch.get(i), outcomes[i] == null ? "not published" : outcomes[i]));
            }
        }
        if (!failed.isEmpty()) {
            log.warn("{} of {} messages not confirmed, first: {} ({})", failed.size(), batch.size(),
                    failed.get(0).message().messageId(), failed.get(0).reason());
        }
        return new PublishResult(confirmed, failed);
    }

    /** Returns {@link #CONFIRMED} when confirmed and routed, else why not. */
    private String awaitConfirm(CorrelationData correlation, long deadlineNanos) {
        try {
            CorrelationData.Confirm confirm = correlation.getFuture()
                    .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!confirm.ack()) {
                return "nacked by broker" + (confirm.reason() == null ? "" : ": " + confirm.reason());
            }
            if (correlation.getReturned() != null) {
                return "unroutable, returned by broker: " + correlation.getReturned().getReplyCode() + " "
                        + correlation.getReturned().getReplyText();
            }
            return CONFIRMED;
        } catch (TimeoutException e) {
            return "no confirm within " + settings.confirmTimeout();
        } catch (ExecutionException e) {
            return "confirm failed: " + describe(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for the confirm";
        }
    }

    private static Message toAmqp(OutgoingMessage message) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.messageId());
        properties.setContentType(JobMessageCodec.CONTENT_TYPE);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setTimestamp(new Date());
        message.headers().forEach(properties::setHeader);
        return new Message(message.body(), properties);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }

}
