package io.etlfleet.api.deadletters;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.security.Caller;
import io.etlfleet.queue.publish.PublishException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's dead-letter queues, for admins only: a tenant key answers 403. */
@RestController
@RequestMapping(path = "/api/v1/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
public class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    private final DeadLetterService deadLetters;

    public DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Counts per queue and error class, and up to {@code limit} messages; nothing is consumed. */
    @GetMapping
    public DeadLetterListResponse list(Caller caller, @RequestParam(required = false) String queue,
            @RequestParam(name = "error_class", required = false) String errorClass,
            @RequestParam(required = false) Integer limit) {
        caller.requireAdmin();
        return onBroker(() -> deadLetters.list(blankToNull(queue), blankToNull(errorClass), limit));
    }

    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeadLetterListResponse.Replayed replay(Caller caller, @RequestBody DeadLetterActionRequest request) {
        caller.requireAdmin();
        return onBroker(() -> deadLetters.replay(request));
    }

    @PostMapping(path = "/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeadLetterListResponse.Discarded discard(Caller caller, @RequestBody DeadLetterActionRequest request) {
        caller.requireAdmin();
        return onBroker(() -> deadLetters.discard(request));
    }

    /** The broker is down or refused: 503, so callers retry rather than report a bug. */
    static <T> T onBroker(Supplier<T> call) {
        try {
            return call.get();
        } catch (AmqpException | PublishException e) {
            log.warn("Dead-letter request failed on the broker: {}", e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the message broker is not available; try again",
                    List.of());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
