package io.etlfleet.integrations.spi;

/** Result of {@link Connector#testConnection()}: a failure kind and a message a user can act on. */
public record ConnectionCheck(Outcome outcome, String message) {

    public enum Outcome { OK, BAD_CREDENTIALS, NOT_FOUND, UNREACHABLE, RATE_LIMITED, BAD_CONFIG, SOURCE_ERROR }

    public static ConnectionCheck ok(String message) {
        return new ConnectionCheck(Outcome.OK, message);
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
