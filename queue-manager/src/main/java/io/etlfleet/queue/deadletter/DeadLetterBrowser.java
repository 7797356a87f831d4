package io.etlfleet.queue.deadletter;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;

/**
 * Reads a queue message by message on one channel without acknowledging, so that the messages
 * read stay invisible to others until settled, and a message is read at most once per browser.
 * Whatever the caller does not acknowledge is requeued by {@link #close()}, in order, back to
 * its original place (classic queues keep the position of requeued messages); close returns
 * once the broker has taken them back, so the next browser sees them. Used by one thread at a time.
 */
final class DeadLetterBrowser implements AutoCloseable {

    private static final DefaultMessagePropertiesConverter CONVERTER = new DefaultMessagePropertiesConverter();

    private final Channel channel;
    private final String queue;
    private final List<Long> unsettled = new ArrayList<>();
    private int remaining;

    /** @param max reads at most this many */
    DeadLetterBrowser(Channel channel, String queue, int max) {
        this.channel = channel;
        this.queue = queue;
        this.remaining = max;
    }

    /** The next message, or empty at the end. */
    Optional<HeldMessage> next() throws IOException {
        if (remaining <= 0) {
            return Optional.empty();
        }
        GetResponse response = channel.basicGet(queue, false);
        if (response == null) {
            remaining = 0;
            return Optional.empty();
        }
        remaining--;
        long tag = response.getEnvelope().getDeliveryTag();
        unsettled.add(tag);
        MessageProperties properties = CONVERTER.toMessageProperties(response.getProps(), response.getEnvelope(),
                "UTF-8");
        Message message = new Message(response.getBody(), properties);
        return Optional.of(new HeldMessage(tag, message, DeadLetter.from(queue, properties, response.getBody())));
    }

    /** Removes the message from the queue. */
    void ack(HeldMessage held) throws IOException {
        channel.basicAck(held.deliveryTag(), false);
        unsettled.remove(Long.valueOf(held.deliveryTag()));
    }

    @Override
    public void close() throws IOException {
        for (Long tag : unsettled) {
            channel.basicNack(tag, false, true);
        }
        if (!unsettled.isEmpty()) {
            // Nacks are asynchronous; a synchronous call on the same channel reaches the queue
            // after them, so once it returns the requeued messages are back in place.
            channel.queueDeclarePassive(queue);
        }
        unsettled.clear();
    }
}
