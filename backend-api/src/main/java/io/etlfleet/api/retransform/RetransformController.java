package io.etlfleet.api.retransform;

import io.etlfleet.api.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Re-runs transforms of an integration's stored raw data; answers 202 with the queued transform jobs. */
@RestController
@RequestMapping(path = "/api/v1/retransforms", produces = MediaType.APPLICATION_JSON_VALUE)
public class RetransformController {

    private final RetransformService retransforms;

    public RetransformController(RetransformService retransforms) {
        this.retransforms = retransforms;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RetransformResponse retransform(Caller caller, @RequestBody RetransformRequest request) {
        return retransforms.retransform(caller, request);
    }
}
