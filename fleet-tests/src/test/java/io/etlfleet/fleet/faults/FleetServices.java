package io.etlfleet.fleet.faults;

/**
 * The broker and database a fault run's fleet uses, and how to restart them (only private
 * instances can be restarted: the machine's shared ones serve other tests).
 */
public interface FleetServices {

    String dbUrl();

    String dbUser();

    String dbPassword();

    String amqpUri();

    default boolean restartable() {
        return false;
    }

    default void restartBroker() throws Exception {
        throw new UnsupportedOperationException("the shared broker is never restarted");
    }

    default void restartDatabase() throws Exception {
        throw new UnsupportedOperationException("the shared database is never restarted");
    }
}
