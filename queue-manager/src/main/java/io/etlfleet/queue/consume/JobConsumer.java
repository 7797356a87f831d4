package io.etlfleet.queue.consume;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * A consumer of one work queue: a Spring AMQP listener container with manual acks, built by
 * {@link JobConsumers}. Created stopped; {@link #start()} begins consuming.
 *
 * <p>{@link #stop()} is graceful: consumers are cancelled, running handlers are given up to
 * the shutdown timeout of {@link ConsumerSettings} to finish and acknowledge, and prefetched
 * messages go back to the queue. It blocks until then. Thread-safe.
 */
public final class JobConsumer implements AutoCloseable {

    private final String queue;
    private final SimpleMessageListenerContainer container;

    JobConsumer(String queue, SimpleMessageListenerContainer container) {
        this.queue = queue;
        this.container = container;
    }

    public String queue() {
        return queue;
    }

    public void start() {
        container.start();
    }

    public void stop() {
        container.stop();
    }

    public boolean isRunning() {
        return container.isRunning();
    }

    /**
     * Changes the number of consumers, also while running: extra consumers start at once;
     * surplus ones finish their current message and stop.
     */
    public void setConcurrency(int consumers) {
        if (consumers < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + consumers);
        }
        container.setConcurrentConsumers(consumers);
    }

    /** Consumers currently running; 0 when stopped. */
    public int activeConsumers() {
        return container.getActiveConsumerCount();
    }

    /** The underlying container, e.g. to register it with an application's lifecycle. */
    public SimpleMessageListenerContainer container() {
        return container;
    }

    /** Stops gracefully and releases the container. */
    @Override
    public void close() {
        container.stop();
        container.destroy();
    }
}
