package io.etlfleet.queue.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

class RabbitEndpointTest {

    @Test
    void uriWithoutPathUsesTheDefaultVhost() {
        RabbitEndpoint endpoint = RabbitEndpoint.parse("amqp://guest:guest@127.0.0.1:5672");

        assertThat(endpoint).isEqualTo(new RabbitEndpoint("127.0.0.1", 5672, "guest", "guest", "/", false));
    }

    @Test
    void slashAndEncodedSlashBothMeanTheDefaultVhost() {
        assertThat(RabbitEndpoint.parse("amqp://guest:guest@localhost:5672/").virtualHost()).isEqualTo("/");
        assertThat(RabbitEndpoint.parse("amqp://guest:guest@localhost:5672/%2F").virtualHost()).isEqualTo("/");
    }

    @Test
    void vhostComesFromThePathUrlDecoded() {
        assertThat(RabbitEndpoint.parse("amqp://u:p@broker:5672/myvhost").virtualHost()).isEqualTo("myvhost");
        assertThat(RabbitEndpoint.parse("amqp://u:p@broker/team%2Fetl").virtualHost()).isEqualTo("team/etl");
    }

    @Test
    void credentialsAreUrlDecodedAndPlusIsLiteral() {
        RabbitEndpoint endpoint = RabbitEndpoint.parse("amqp://etl%40fleet:p%3Ass+w@broker");

        assertThat(endpoint.username()).isEqualTo("etl@fleet");
        assertThat(endpoint.password()).isEqualTo("p:ss+w");
        assertThat(endpoint.port()).isEqualTo(5672);
    }

    @Test
    void amqpsDefaultsToTheTlsPort() {
        RabbitEndpoint endpoint = RabbitEndpoint.parse("amqps://broker.example.com");

        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.port()).isEqualTo(5671);
        assertThat(endpoint.username()).isEqualTo("guest");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> RabbitEndpoint.parse("http://broker:15672"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amqp://");
    }

    @Test
    void neverShowsThePassword() {
        assertThat(RabbitEndpoint.parse("amqp://etl:secret@broker/v")).asString().doesNotContain("secret");
    }

    @Test
    void connectionFactoryHasConfirmsReturnsAndTheVhost() {
        CachingConnectionFactory factory = RabbitConnections.create("amqp://etl:secret@broker:5673/jobs", "test");
        try {
            assertThat(factory.isPublisherConfirms()).isTrue();
            assertThat(factory.isPublisherReturns()).isTrue();
            assertThat(factory.getVirtualHost()).isEqualTo("jobs");
            assertThat(factory.getPort()).isEqualTo(5673);
            assertThat(factory.getUsername()).isEqualTo("etl");
        } finally {
            factory.destroy();
        }
    }
}
