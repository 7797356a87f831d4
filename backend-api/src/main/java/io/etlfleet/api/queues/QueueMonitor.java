package io.etlfleet.api.queues;

import io.etlfleet.queue.stats.QueueKind;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.RetryTier;
import io.etlfleet.queue.topology.TopologySettings;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's queues with depth, unacknowledged messages, consumers and rates, from the
 * management API; when that is unreachable, depth and consumers from AMQP passive declares
 * ({@link QueueStatistics}). Order: per integration type the extract queue, then the transform
 * queues, the retry tiers, and the dead-letter queues.
 */
public class QueueMonitor {

    static final String MANAGEMENT = "management";
    static final String AMQP = "amqp";
    private static final Logger log = LoggerFactory.getLogger(QueueMonitor.class);

    private final ManagementApi management;
    private final QueueStatistics statistics;
    private final TopologySettings topology;
    private volatile boolean managementWasDown;

    QueueMonitor(ManagementApi management, QueueStatistics statistics, TopologySettings topology) {
        this.management = management;
        this.statistics = statistics;
        this.topology = topology;
    }

    public QueueResponse sample() {
        Instant sampledAt = Instant.now();
        try {
            Map<String, ManagementQueue> found = management.queues();
            if (managementWasDown) {
                log.info("RabbitMQ management API at {} answers again", management.baseUrl());
                managementWasDown = false;
            }
            List<QueueResponse.Queue> queues = new ArrayList<>();
            for (Named queue : fleetQueues()) {
                ManagementQueue q = found.get(queue.name());
                if (q != null) {
                    queues.add(new QueueResponse.Queue(queue.name(), queue.kind(), queue.type(), q.messagesReady(),
                            q.messagesUnacked(), q.consumers(), q.publishRate(), q.deliverRate()));
                }
            }
            return new QueueResponse(sampledAt, MANAGEMENT, queues);
        } catch (IOException e) {
            if (!managementWasDown) {
                log.warn("RabbitMQ management API at {} is unreachable ({}); reporting depth and consumers over AMQP",
                        management.baseUrl(), e.getMessage());
                managementWasDown = true;
            }
            return new QueueResponse(sampledAt, AMQP, overAmqp());
        }
    }

    private List<QueueResponse.Queue> overAmqp() {
        List<QueueResponse.Queue> queues = new ArrayList<>();
        for (Named queue : fleetQueues()) {
            statistics.of(queue.name(), QueueKind.valueOf(queue.kind().toUpperCase(Locale.ROOT)))
                    .ifPresent(stats -> queues.add(new QueueResponse.Queue(queue.name(), queue.kind(), queue.type(),
                            stats.messagesReady(), 0, stats.consumers(), 0, 0)));
        }
        return queues;
    }

    private List<Named> fleetQueues() {
        List<Named> queues = new ArrayList<>();
        for (String type : topology.integrationTypes()) {
            queues.add(new Named(QueueNames.extractQueue(type), "extract", type));
            queues.add(new Named(QueueNames.extractBackfillQueue(type), "extract", type));
        }
        for (String type : topology.integrationTypes()) {
            queues.add(new Named(QueueNames.transformQueue(type), "transform", type));
        }
        for (RetryTier tier : topology.retryTiers()) {
            queues.add(new Named(tier.name(), "retry", null));
        }
        for (String type : topology.integrationTypes()) {
            queues.add(new Named(QueueNames.deadLetterQueue(QueueNames.extractQueue(type)), "dead_letter", type));
            queues.add(new Named(QueueNames.deadLetterQueue(QueueNames.extractBackfillQueue(type)), "dead_letter", type));
            queues.add(new Named(QueueNames.deadLetterQueue(QueueNames.transformQueue(type)), "dead_letter", type));
        }
        return queues;
    }

    private record Named(String name, String kind, String type) {
    }
}
