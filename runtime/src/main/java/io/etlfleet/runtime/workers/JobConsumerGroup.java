package io.etlfleet.runtime.workers;

import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.consume.JobHandler;
import io.etlfleet.queue.messages.JobMessage;
import io.etlfleet.runtime.TopologyDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One consumer per integration type this worker serves, started after the topology and the
 * outbox relay, stopped first on shutdown: stop taking messages, raise {@link #stopping()}
 * so running jobs hand themselves back at the next page boundary, and wait for them.
 */
public class JobConsumerGroup<T extends JobMessage> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobConsumerGroup.class);

    private final List<JobConsumer> consumers = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean running;

    public JobConsumerGroup(JobConsumers factory, WorkerTypes types, Function<String, String> queueForType, Class<T> type,
            JobHandler<? super T> handler, FailureClassifier classifier, ConsumerSettings settings) {
        for (String integrationType : types.types()) {
            consumers.add(factory.create(queueForType.apply(integrationType), type, handler, classifier,
                    settings.withConcurrency(types.concurrencyOf(integrationType))));
        }
    }

    /** True once shutdown began; long-running handlers check it between pages. */
    public boolean stopping() {
        return stopping.get();
    }

    public Map<String, Integer> activeConsumers() {
        Map<String, Integer> active = new java.util.LinkedHashMap<>();
        consumers.forEach(c -> active.put(c.queue(), c.activeConsumers()));
        return active;
    }

    @Override
    public void start() {
        stopping.set(false);
        consumers.forEach(JobConsumer::start);
        running = true;
        log.info("Consuming {}", consumers.stream().map(JobConsumer::queue).toList());
    }

    @Override
    public void stop() {
        stopping.set(true);
        consumers.parallelStream().forEach(JobConsumer::stop);
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
}
