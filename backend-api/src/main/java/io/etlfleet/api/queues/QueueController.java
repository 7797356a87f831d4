package io.etlfleet.api.queues;

import io.etlfleet.api.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's queues, for any key: they hold every tenant's work but show only counts. */
@RestController
@RequestMapping(path = "/api/v1/queues", produces = MediaType.APPLICATION_JSON_VALUE)
public class QueueController {

    private final QueueMonitor monitor;

    public QueueController(QueueMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping
    public QueueResponse list(Caller caller) {
        return monitor.sample();
    }
}
