package io.etlfleet.queue.stats;

import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.RetryTier;
import io.etlfleet.queue.topology.TopologySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Depth and consumer count of the fleet's queues, read with passive queue declares over AMQP,
 * so it works without the management plugin. Each call asks the broker afresh (one round trip
 * per queue) and blocks the caller meanwhile; cache on the caller's side if polled often.
 * Thread-safe. Connection failures surface as {@link org.springframework.amqp.AmqpException}.
 */
public final class QueueStatistics {

    private final RabbitAdmin admin;
    private final TopologySettings topology;

    public QueueStatistics(ConnectionFactory connectionFactory, TopologySettings topology) {
        this.admin = new RabbitAdmin(Objects.requireNonNull(connectionFactory, "connectionFactory"));
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /**
     * Every fleet queue that exists, in a stable order: per integration type the extract queue
     * and its dead letters, the backfill queue and its dead letters, then the transform queues likewise, then the retry tiers.
     */
    public List<QueueStats> all() {
        List<QueueStats> all = new ArrayList<>();
        for (String type : topology.integrationTypes()) {
            addWithDeadLetters(all, QueueNames.extractQueue(type), QueueKind.EXTRACT);
            addWithDeadLetters(all, QueueNames.extractBackfillQueue(type), QueueKind.EXTRACT);
        }
        for (String type : topology.integrationTypes()) {
            addWithDeadLetters(all, QueueNames.transformQueue(type), QueueKind.TRANSFORM);
        }
        for (RetryTier tier : topology.retryTiers()) {
            of(tier.name(), QueueKind.RETRY).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    /** One queue by name; empty if it does not exist. */
    public Optional<QueueStats> of(String queue, QueueKind kind) {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null ? Optional.empty()
                : Optional.of(new QueueStats(queue, kind, info.getMessageCount(), info.getConsumerCount()));
    }

    private void addWithDeadLetters(List<QueueStats> all, String queue, QueueKind kind) {
        of(queue, kind).ifPresent(all::add);
        of(QueueNames.deadLetterQueue(queue), QueueKind.DEAD_LETTER).ifPresent(all::add);
    }
}
