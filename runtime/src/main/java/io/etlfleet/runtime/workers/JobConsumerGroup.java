package io.etlfleet.runtime.workers;

import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.consume.JobHandler;
import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.runtime.TopologyDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The consumers of the integration types this worker serves, started after the topology and
 * the outbox relay, stopped first on shutdown: stop taking messages, raise {@link #stopping()}
 * so running jobs hand themselves back at the next page boundary, and wait for them.
 *
 * <p>Each type's concurrency can be changed while running ({@link #setConcurrency}); every
 * queue of the type then gets the consumers its {@link ConsumedQueue} derives from it.
 */
public class JobConsumerGroup<T extends JobMessage> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobConsumerGroup.class);

    private final Map<String, List<Lane>> lanesByType = new LinkedHashMap<>();
    private final Map<String, Integer> concurrency = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean running;

    public JobConsumerGroup(JobConsumers factory, WorkerTypes types, Function<String, String> queueForType, Class<T> type,
            JobHandler<? super T> handler, FailureClassifier classifier, ConsumerSettings settings) {
        this(factory, types, List.of(ConsumedQueue.withFullConcurrency(queueForType)), type, handler, classifier, settings);
    }

    public JobConsumerGroup(JobConsumers factory, WorkerTypes types, List<ConsumedQueue> queues, Class<T> type,
            JobHandler<? super T> handler, FailureClassifier classifier, ConsumerSettings settings) {
        for (String integrationType : types.types()) {
            int n = types.concurrencyOf(integrationType);
            concurrency.put(integrationType, n);
            List<Lane> lanes = new ArrayList<>();
            for (ConsumedQueue queue : queues) {
                lanes.add(new Lane(queue, factory.create(queue.queueForType().apply(integrationType), type, handler,
                        classifier, settings.withConcurrency(queue.consumers(n)))));
            }
            lanesByType.put(integrationType, List.copyOf(lanes));
        }
    }

    /** True once shutdown began; long-running handlers check it between pages. */
    public boolean stopping() {
        return stopping.get();
    }

    /** The concurrency each type runs with now. */
    public Map<String, Integer> concurrency() {
        Map<String, Integer> current = new LinkedHashMap<>();
        lanesByType.keySet().forEach(type -> current.put(type, concurrency.get(type)));
        return current;
    }

    /**
     * Changes a type's concurrency while running: extra consumers start at once, surplus ones
     * finish their current message and stop.
     *
     * @throws IllegalArgumentException for a type this worker does not serve or a value below 1
     */
    public void setConcurrency(String integrationType, int value) {
        List<Lane> lanes = lanesByType.get(integrationType);
        if (lanes == null) {
            throw new IllegalArgumentException("this worker does not consume " + integrationType);
        }
        if (value < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + value);
        }
        for (Lane lane : lanes) {
            lane.consumer().setConcurrency(lane.queue().consumers(value));
        }
        Integer before = concurrency.put(integrationType, value);
        if (before == null || before != value) {
            log.info("Concurrency of {} changed from {} to {}", integrationType, before, value);
        }
    }

    public Map<String, Integer> activeConsumers() {
        Map<String, Integer> active = new LinkedHashMap<>();
        consumers().forEach(c -> active.put(c.queue(), c.activeConsumers()));
        return active;
    }

    private List<JobConsumer> consumers() {
        return lanesByType.values().stream().flatMap(List::stream).map(Lane::consumer).toList();
    }

    @Override
    public void start() {
        stopping.set(false);
        consumers().forEach(JobConsumer::start);
        running = true;
        log.info("Consuming {}", consumers().stream().map(JobConsumer::queue).toList());
    }

    @Override
    public void stop() {
        stopping.set(true);
        consumers().parallelStream().forEach(JobConsumer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return TopologyDeclaration.PHASE + 10;
    }

    private record Lane(ConsumedQueue queue, JobConsumer consumer) {
    }
}
