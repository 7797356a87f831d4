package io.etlfleet.queue.deadletter;

import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.TopologySettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Browse, replay and discard the messages of the fleet's dead-letter queues ({@code <queue>.dlq}).
 *
 * <p>How it reads: over AMQP, with {@code basic.get} without acknowledgement on one channel,
 * then acknowledging what was replayed or discarded and requeueing the rest when done. This
 * works without the management plugin and loses nothing if the process dies mid-way (the
 * broker requeues a closed channel's messages). The trade-offs: messages being read are
 * invisible to a concurrent reader until requeued, so two simultaneous peeks may each see part
 * of the queue; every peek marks the messages redelivered; and each call reads at most
 * {@value #MAX_SCAN} messages, so on a bigger queue finding a message by id or counting covers
 * only the first {@value #MAX_SCAN}.
 *
 * <p>Replay publishes the message with confirms to its origin queue (through
 * {@code etl.retry.return}), with the failure headers removed so it starts again at attempt 1,
 * and only then acknowledges it in the dead-letter queue: a crash in between can duplicate a
 * job but never lose it. Methods block the calling thread and are safe to call from several
 * threads. Only the fleet's dead-letter queues are accepted; anything else is an
 * {@link IllegalArgumentException}. Broker failures surface as
 * {@link org.springframework.amqp.AmqpException} or {@link io.etlfleet.queue.publish.PublishException}.
 */
public final class DeadLetters {

    /** Most messages one call reads from a queue. */
    public static final int MAX_SCAN = 10_000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final RabbitTemplate template;
    private final ConfirmedPublisher publisher;
    private final TopologySettings topology;

    public DeadLetters(ConnectionFactory connectionFactory, ConfirmedPublisher publisher, TopologySettings topology) {
        this.template = new RabbitTemplate(Objects.requireNonNull(connectionFactory, "connectionFactory"));
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topology = Objects.requireNonNull(topology, "topology");
    }

    /** The fleet's dead-letter queues, as {@link TopologySettings#deadLetterQueues()}. */
    public List<String> queues() {
        return topology.deadLetterQueues();
    }

    /** Up to {@code limit} messages from the head of the queue, left in place. */
    public List<DeadLetter> peek(String queue, int limit) {
        return browse(queue, Math.min(limit, MAX_SCAN), browser -> {
            List<DeadLetter> letters = new ArrayList<>();
            for (Optional<HeldMessage> held = browser.next(); held.isPresent(); held = browser.next()) {
                letters.add(held.get().deadLetter());
            }
            return letters;
        });
    }

    /** The message with this id, left in place. */
    public Optional<DeadLetter> find(String queue, String messageId) {
        return browse(queue, MAX_SCAN, browser -> seek(browser, messageId).map(HeldMessage::deadLetter));
    }

    /**
     * Sends the message with this id back to its origin queue.
     *
     * @return false if no such message
     * @throws IllegalStateException if the message has no known origin queue
     */
    public boolean replay(String queue, String messageId) {
        return browse(queue, MAX_SCAN, browser -> {
            Optional<HeldMessage> held = seek(browser, messageId);
            if (held.isPresent()) {
                publisher.publish(replayOf(held.get()));
                browser.ack(held.get());
                log.info("Replayed dead letter {} from {} to {}", messageId, queue, held.get().deadLetter().originQueue());
            }
            return held.isPresent();
        });
    }

    /**
     * Sends every message back to its origin queue; messages without a known origin stay.
     * Stops at the first publish failure, which it rethrows; what was replayed until then is gone
     * from the queue.
     *
     * @return how many were replayed
     */
    public int replayAll(String queue) {
        return browse(queue, MAX_SCAN, browser -> {
            Set<String> replayed = new HashSet<>();
            for (Optional<HeldMessage> held = browser.next(); held.isPresent(); held = browser.next()) {
                DeadLetter letter = held.get().deadLetter();
                if (letter.messageId() != null && replayed.contains(letter.messageId())) {
                    break; // it failed again since; replaying it once per call is enough
                }
                if (letter.originQueue() != null) {
                    publisher.publish(replayOf(held.get()));
                    browser.ack(held.get());
                    replayed.add(letter.messageId());
                }
            }
            log.info("Replayed {} dead letters from {}", replayed.size(), queue);
            return replayed.size();
        });
    }

    /**
     * Sends every message {@code selector} accepts back to its origin queue, in one pass over the
     * queue; messages without a known origin stay. {@code listener} hears of each one before it is
     * published. Stops at the first publish failure, which it rethrows; what was replayed until
     * then is gone from the queue.
     *
     * @return how many were replayed
     */
    public int replayMatching(String queue, Predicate<DeadLetter> selector, ReplayListener listener) {
        return browse(queue, MAX_SCAN, browser -> {
            Set<String> replayed = new HashSet<>();
            int count = 0;
            for (Optional<HeldMessage> held = browser.next(); held.isPresent(); held = browser.next()) {
                DeadLetter letter = held.get().deadLetter();
                if (letter.messageId() != null && replayed.contains(letter.messageId())) {
                    break; // it failed again since; replaying it once per call is enough
                }
                if (letter.originQueue() == null || !selector.test(letter)) {
                    continue;
                }
                listener.beforeReplay(letter);
                try {
                    publisher.publish(replayOf(held.get()));
                } catch (RuntimeException e) {
                    listener.replayFailed(letter, e);
                    throw e;
                }
                browser.ack(held.get());
                replayed.add(letter.messageId());
                count++;
            }
            log.info("Replayed {} dead letters from {}", count, queue);
            return count;
        });
    }

    /**
     * Deletes every message {@code selector} accepts, in one pass over the queue.
     *
     * @return how many were deleted
     */
    public int discardMatching(String queue, Predicate<DeadLetter> selector) {
        return browse(queue, MAX_SCAN, browser -> {
            int count = 0;
            for (Optional<HeldMessage> held = browser.next(); held.isPresent(); held = browser.next()) {
                if (selector.test(held.get().deadLetter())) {
                    browser.ack(held.get());
                    count++;
                }
            }
            log.info("Discarded {} dead letters from {}", count, queue);
            return count;
        });
    }

    /** Deletes the message with this id; returns false if no such message. */
    public boolean discard(String queue, String messageId) {
        return browse(queue, MAX_SCAN, browser -> {
            Optional<HeldMessage> held = seek(browser, messageId);
            if (held.isPresent()) {
                browser.ack(held.get());
                log.info("Discarded dead letter {} from {}", messageId, queue);
            }
            return held.isPresent();
        });
    }

    /** Deletes every message of the queue; returns how many. */
    public int discardAll(String queue) {
        requireDeadLetterQueue(queue);
        int purged = template.execute(channel -> channel.queuePurge(queue).getMessageCount());
        log.info("Discarded {} dead letters from {}", purged, queue);
        return purged;
    }

    /** Messages per error class in one queue, by error class name. */
    public Map<String, Long> countByErrorClass(String queue) {
        Map<String, Long> counts = new TreeMap<>();
        peek(queue, MAX_SCAN).forEach(letter -> counts.merge(letter.errorClass(), 1L, Long::sum));
        return counts;
    }

    /** Messages per queue and error class, over every fleet dead-letter queue. */
    public List<DeadLetterCount> counts() {
        List<DeadLetterCount> counts = new ArrayList<>();
        for (String queue : queues()) {
            countByErrorClass(queue).forEach((errorClass, count) ->
                    counts.add(new DeadLetterCount(queue, errorClass, count)));
        }
        return List.copyOf(counts);
    }

    private static OutgoingMessage replayOf(HeldMessage held) {
        DeadLetter letter = held.deadLetter();
        if (letter.originQueue() == null) {
            throw new IllegalStateException("dead letter " + letter.messageId() + " has no origin queue");
        }
        Map<String, Object> headers = new LinkedHashMap<>(DeadLetterHeaders.carried(letter.headers()));
        DeadLetterHeaders.FAILURE_HEADERS.forEach(headers::remove);
        return new OutgoingMessage(QueueNames.RETRY_RETURN_EXCHANGE, letter.originQueue(),
                letter.messageId() == null ? "" : letter.messageId(), held.message().getBody(), headers);
    }

    private static Optional<HeldMessage> seek(DeadLetterBrowser browser, String messageId) throws IOException {
        for (Optional<HeldMessage> held = browser.next(); held.isPresent(); held = browser.next()) {
            if (messageId.equals(held.get().deadLetter().messageId())) {
                return held;
            }
        }
        return Optional.empty();
    }

    private <T> T browse(String queue, int max, BrowseAction<T> action) {
        requireDeadLetterQueue(queue);
        List<RuntimeException> failure = new ArrayList<>(1);
        T result = template.execute(channel -> {
            try (DeadLetterBrowser browser = new DeadLetterBrowser(channel, queue, max)) {
                return action.apply(browser);
            } catch (AmqpException e) {
                throw e;
            } catch (RuntimeException e) {
                // Carried out by hand: the template would wrap it in an UncategorizedAmqpException.
                failure.add(e);
                return null;
            }
        });
        if (!failure.isEmpty()) {
            throw failure.get(0);
        }
        return result;
    }

    private void requireDeadLetterQueue(String queue) {
        if (!queues().contains(queue)) {
            throw new IllegalArgumentException("not a dead-letter queue of this fleet: " + queue);
        }
    }

    @FunctionalInterface
    private interface BrowseAction<T> {
        T apply(DeadLetterBrowser browser) throws IOException;
    }
}
