package io.etlfleet.queue.topology;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Declares the fleet's exchanges, queues and bindings. Every app calls {@link #declare()} at
 * start; declaring is idempotent, and because every argument is a constant (or derived from a
 * queue's own name), redeclaring from several apps at once never fails with PRECONDITION_FAILED.
 *
 * <pre>
 *  publisher ── etl.extract (direct) ──key &lt;type&gt;──▶ etl.extract.&lt;type&gt;   (quorum)
 *  publisher ── etl.extract (direct) ──key &lt;type&gt;.backfill──▶ etl.extract.&lt;type&gt;.backfill (quorum, full syncs)
 *  publisher ── etl.transform (direct) ─key &lt;type&gt;──▶ etl.transform.&lt;type&gt; (quorum)
 *
 *  consumer fails, retriable:
 *    ── etl.retry.&lt;delay&gt; (fanout), key = origin queue ──▶ etl.retry.&lt;delay&gt; (quorum, x-message-ttl)
 *         on expiry ── etl.retry.return (direct), key = origin queue ──▶ origin work queue
 *
 *  consumer gives up, or the message is malformed:
 *    ── etl.dlx (direct), key = origin queue ──▶ &lt;origin queue&gt;.dlq (classic)
 *  broker backstop: a work queue dead-letters to etl.dlx with key = its own name after
 *    {@value #DELIVERY_LIMIT} deliveries (a message that keeps crashing its worker).
 * </pre>
 *
 * <p>Work and retry queues are quorum queues with {@code x-dead-letter-strategy=at-least-once}
 * (which requires {@code x-overflow=reject-publish}), so the broker never drops a message it
 * moves to a dead-letter or return exchange. Dead-letter queues are classic queues: they are
 * browsed by fetching and requeueing, and a quorum queue would count every such browse as a
 * delivery. Per-message TTL is never used, since such messages only expire at the head of a queue.
 *
 * <p>{@link #declare()} blocks on the broker and throws {@link org.springframework.amqp.AmqpException}
 * when it cannot connect or an existing queue has conflicting arguments; it does not retry.
 */
public final class Topology {

    /** Deliveries after which a quorum work queue dead-letters a message (crashing workers). */
    public static final int DELIVERY_LIMIT = 20;

    private static final Logger log = LoggerFactory.getLogger(Topology.class);

    private final RabbitTemplate template;
    private final TopologySettings settings;

    public Topology(ConnectionFactory connectionFactory, TopologySettings settings) {
        this.template = new RabbitTemplate(Objects.requireNonNull(connectionFactory, "connectionFactory"));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public TopologySettings settings() {
        return settings;
    }

    public void declare() {
        template.execute(channel -> {
            declareExchanges(channel);
            for (String type : settings.integrationTypes()) {
                declareWorkQueue(channel, QueueNames.EXTRACT_EXCHANGE, QueueNames.extractQueue(type), type);
                declareWorkQueue(channel, QueueNames.EXTRACT_EXCHANGE, QueueNames.extractBackfillQueue(type),
                        QueueNames.extractRoutingKey(type, "full"));
                declareWorkQueue(channel, QueueNames.TRANSFORM_EXCHANGE, QueueNames.transformQueue(type), type);
            }
            for (RetryTier tier : settings.retryTiers()) {
                declareRetryTier(channel, tier);
            }
            return null;
        });
        log.info("Declared etl-fleet topology for integration types {} with retry tiers {}",
                settings.integrationTypes(), settings.retryTiers().stream().map(RetryTier::name).toList());
    }

    /** Arguments of a work queue; constant per queue name. */
    public static Map<String, Object> workQueueArguments(String queue) {
        return Map.of(
                "x-queue-type", "quorum",
                "x-delivery-limit", DELIVERY_LIMIT,
                "x-dead-letter-exchange", QueueNames.DEAD_LETTER_EXCHANGE,
                "x-dead-letter-routing-key", queue,
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    /** Arguments of a retry tier queue; constant per tier name, since the name encodes the TTL. */
    public static Map<String, Object> retryTierArguments(RetryTier tier) {
        return Map.of(
                "x-queue-type", "quorum",
                "x-message-ttl", tier.ttlMillis(),
                "x-dead-letter-exchange", QueueNames.RETRY_RETURN_EXCHANGE,
                "x-dead-letter-strategy", "at-least-once",
                "x-overflow", "reject-publish");
    }

    public static Map<String, Object> deadLetterQueueArguments() {
        return Map.of("x-queue-type", "classic");
    }

    private static void declareExchanges(Channel channel) throws IOException {
        for (String exchange : new String[] {QueueNames.EXTRACT_EXCHANGE, QueueNames.TRANSFORM_EXCHANGE,
                QueueNames.DEAD_LETTER_EXCHANGE, QueueNames.RETRY_RETURN_EXCHANGE}) {
            channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true, false, null);
        }
    }

    private static void declareWorkQueue(Channel channel, String exchange, String queue, String routingKey)
            throws IOException {
        channel.queueDeclare(queue, true, false, false, workQueueArguments(queue));
        channel.queueBind(queue, exchange, routingKey);
        channel.queueBind(queue, QueueNames.RETRY_RETURN_EXCHANGE, queue);
        String deadLetterQueue = QueueNames.deadLetterQueue(queue);
        channel.queueDeclare(deadLetterQueue, true, false, false, deadLetterQueueArguments());
        channel.queueBind(deadLetterQueue, QueueNames.DEAD_LETTER_EXCHANGE, queue);
    }

    private static void declareRetryTier(Channel channel, RetryTier tier) throws IOException {
        channel.exchangeDeclare(tier.name(), BuiltinExchangeType.FANOUT, true, false, null);
        channel.queueDeclare(tier.name(), true, false, false, retryTierArguments(tier));
        channel.queueBind(tier.name(), tier.name(), "");
    }
}
