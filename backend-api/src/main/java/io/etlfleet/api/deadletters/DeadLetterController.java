package io.etlfleet.api.deadletters;

import io.etlfleet.api.security.Caller;
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
        return deadLetters.list(blankToNull(queue), blankToNull(errorClass), limit);
    }

    @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeadLetterListResponse.Replayed replay(Caller caller, @RequestBody DeadLetterActionRequest request) {
        caller.requireAdmin();
        return deadLetters.replay(request);
    }

    @PostMapping(path = "/discard", consumes = MediaType.APPLICATION_JSON_VALUE)
    public DeadLetterListResponse.Discarded discard(Caller caller, @RequestBody DeadLetterActionRequest request) {
        caller.requireAdmin();
        return deadLetters.discard(request);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
