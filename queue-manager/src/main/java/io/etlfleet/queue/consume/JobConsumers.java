package io.etlfleet.queue.consume;

import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.TopologySettings;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * The one place where the fleet's listener containers are configured. Every consumer of a
 * work queue runs the same flow:
 *
 * <ol>
 * <li>decode the body; a malformed body or unknown version goes straight to
 *     {@code <queue>.dlq} with stage {@code decode}, never to a retry, and the handler is not called;</li>
 * <li>call the {@link JobHandler}; when it returns, acknowledge;</li>
 * <li>when it throws, ask the {@link FailureClassifier}:
 *     {@link Disposition#RETRY} publishes the message to a retry tier with
 *     {@code x-etl-attempts} incremented (or dead-letters it once {@code maxAttempts} are used),
 *     {@link Disposition#DEAD_LETTER} publishes it to {@code etl.dlx},
 *     {@link Disposition#REQUEUE} puts it back after a pause without counting an attempt,
 *     {@link Disposition#WAIT} sends it through the retry tier covering the source's wait, also uncounted;
 *     the delivery is acknowledged only after the broker confirmed the new copy, and nacked
 *     with requeue if it did not.</li>
 * </ol>
 *
 * <p>Messages from {@code etl.extract.<type>} or {@code etl.transform.<type>} only: retries and
 * requeues come back through the bindings {@link io.etlfleet.queue.topology.Topology} declares.
 * Logs one WARN per retry and one ERROR per dead letter, with the message id, never the body.
 */
public final class JobConsumers {

    private final ConnectionFactory connectionFactory;
    private final ConfirmedPublisher publisher;
    private final RetryBackoff backoff;
    private final Clock clock;
    private final AtomicInteger consumerTags = new AtomicInteger();

    public JobConsumers(ConnectionFactory connectionFactory, ConfirmedPublisher publisher, TopologySettings topology) {
        this(connectionFactory, publisher, topology, Clock.systemUTC());
    }

    public JobConsumers(ConnectionFactory connectionFactory, ConfirmedPublisher publisher, TopologySettings topology,
            Clock clock) {
        this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.backoff = new RetryBackoff(topology.retryTiers());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Builds a stopped consumer of {@code queue}; call {@link JobConsumer#start()} to begin. */
    public <T extends JobMessage> JobConsumer create(String queue, Class<T> type, JobHandler<? super T> handler,
            FailureClassifier classifier, ConsumerSettings settings) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(settings, "settings");
        FailureRouter router = new FailureRouter(publisher, backoff, settings, queue, clock);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(queue);
        container.setBeanName(queue); // names the consumer threads after the queue
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(settings.prefetch());
        container.setConcurrentConsumers(settings.concurrency());
        container.setShutdownTimeout(settings.shutdownTimeout().toMillis());
        // A missing queue (broker reset, topology not declared yet) is retried, not fatal.
        container.setMissingQueuesFatal(false);
        container.setConsumerTagStrategy(name -> settings.workerId() + "." + name + "." + consumerTags.incrementAndGet());
        container.setMessageListener(new JobMessageListener<>(queue, type, handler, classifier, settings, router));
        container.afterPropertiesSet();
        return new JobConsumer(queue, container);
    }
}
