package io.etlfleet.queue.connection;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;

/**
 * Creates the one kind of connection factory every etl-fleet app uses.
 *
 * <p>The factory has correlated publisher confirms and publisher returns on, which
 * {@link io.etlfleet.queue.publish.ConfirmedPublisher} requires, and names its connections so
 * they can be told apart in the management UI ({@code <name>} for consumers,
 * {@code <name>.publisher} for the separate publishing connection Spring AMQP opens).
 *
 * <p>Recovery is automatic and is Spring AMQP's own: a lost connection is re-opened on the
 * next use and listener containers restart their consumers with back-off. The amqp-client's
 * built-in recovery stays off, as Spring AMQP recommends, because the two mechanisms compete
 * and the client's one surfaces {@code AutoRecoverConnectionNotCurrentlyOpenException} while
 * it is still reconnecting.
 *
 * <p>The caller owns the factory and calls {@link CachingConnectionFactory#destroy()} when done.
 */
public final class RabbitConnections {

    private static final int HEARTBEAT_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private RabbitConnections() {
    }

    /**
     * @param amqpUri        e.g. {@code amqp://guest:guest@127.0.0.1:5672} or {@code .../myvhost}
     * @param connectionName shown in the broker's connection list, e.g. {@code extract-workers@host}
     */
    public static CachingConnectionFactory create(String amqpUri, String connectionName) {
        return create(RabbitEndpoint.parse(amqpUri), connectionName);
    }

    public static CachingConnectionFactory create(RabbitEndpoint endpoint, String connectionName) {
        CachingConnectionFactory factory = new CachingConnectionFactory(endpoint.host(), endpoint.port());
        factory.setUsername(endpoint.username());
        factory.setPassword(endpoint.password());
        factory.setVirtualHost(endpoint.virtualHost());
        factory.setRequestedHeartBeat(HEARTBEAT_SECONDS);
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setPublisherConfirmType(ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(ignored -> connectionName);
        if (endpoint.tls()) {
            factory.getRabbitConnectionFactory().useSslProtocol(defaultSslContext());
            factory.getRabbitConnectionFactory().enableHostnameVerification();
        }
        return factory;
    }

    private static SSLContext defaultSslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context in this JVM", e);
        }
    }
}
