package io.etlfleet.queue.messages;

/** A well-formed envelope whose version {@code v} this code does not understand. */
public class UnsupportedVersionException extends MalformedMessageException {

    private static final long serialVersionUID = 1L;

    private final int version;

    public UnsupportedVersionException(int version) {
        super("unsupported message version " + version + " (supported: " + JobMessage.CURRENT_VERSION + ")");
        this.version = version;
    }

    public int version() {
        return version;
    }
}
