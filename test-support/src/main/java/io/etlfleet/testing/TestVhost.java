package io.etlfleet.testing;

/** A vhost owned by one test class; {@link #close()} deletes it with everything in it. */
public record TestVhost(RabbitService broker, String name) implements AutoCloseable {

    /** AMQP URI of this vhost, in the form {@code ETL_RABBITMQ_URI} takes. */
    public String amqpUri() {
        return "amqp://" + broker.user() + ":" + broker.password() + "@" + broker.host() + ":" + broker.port()
                + "/" + RabbitService.encode(name);
    }

    public String host() {
        return broker.host();
    }

    public int port() {
        return broker.port();
    }

    public String username() {
        return broker.user();
    }

    public String password() {
        return broker.password();
    }

    @Override
    public void close() {
        broker.management("DELETE", "/api/vhosts/" + RabbitService.encode(name), null);
    }
}
