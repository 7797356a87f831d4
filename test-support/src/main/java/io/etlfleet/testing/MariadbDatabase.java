package io.etlfleet.testing;

/** A MariaDB database owned by one test class; {@link #close()} drops it. */
public record MariadbDatabase(MariadbService server, String name, String url, String user, String password)
        implements AutoCloseable {

    @Override
    public void close() {
        server.execute("drop database if exists `" + name + "`");
    }
}
