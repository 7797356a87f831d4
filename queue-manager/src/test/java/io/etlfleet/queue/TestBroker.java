package io.etlfleet.queue;

import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.topology.Topology;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.testing.TestServices;
import io.etlfleet.testing.TestVhost;
import java.time.Duration;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * A vhost of the real broker owned by one test class, with a connection factory built the
 * way apps build theirs. {@link #close()} deletes the vhost.
 */
public final class TestBroker implements AutoCloseable {

    /** Retry tiers short enough for tests; their names never clash with the production tiers. */
    public static final TopologySettings TOPOLOGY = TopologySettings.defaults()
            .withRetryDelays(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

    private final TestVhost vhost;
    private final CachingConnectionFactory connectionFactory;

    private TestBroker(TestVhost vhost) {
        this.vhost = vhost;
        this.connectionFactory = RabbitConnections.create(vhost.amqpUri(), "queue-manager-test");
    }

    public static TestBroker create() {
        return new TestBroker(TestServices.rabbit().createVhost("queue-manager"));
    }

    /** Creates the vhost and declares the fleet topology with the test tiers in it. */
    public static TestBroker withTopology() {
        TestBroker broker = create();
        new Topology(broker.connectionFactory(), TOPOLOGY).declare();
        return broker;
    }

    public TestVhost vhost() {
        return vhost;
    }

    public CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void close() {
        connectionFactory.destroy();
        vhost.close();
    }
}
