package io.etlfleet.api.errors;

import java.io.IOException;

/**
 * Raised while reading a request body that exceeds the size limit. An {@link IOException}
 * so it travels through the JSON parser to {@link ApiExceptionHandler}, which answers 413.
 */
public class RequestTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBytes;

    public RequestTooLargeException(long maxBytes) {
        super("request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
