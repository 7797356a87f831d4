package io.etlfleet.api.extractions;

import io.etlfleet.api.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enqueues extractions; answers 202 with the queued jobs, whose progress {@code /jobs} shows. */
@RestController
@RequestMapping(path = "/api/v1/extractions", produces = MediaType.APPLICATION_JSON_VALUE)
public class ExtractionController {

    private final ExtractionService extractions;

    public ExtractionController(ExtractionService extractions) {
        this.extractions = extractions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ExtractionResponse enqueue(Caller caller, @RequestBody ExtractionRequest request) {
        return extractions.enqueue(caller, request);
    }
}
