package io.etlfleet.api.queues;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.security.Caller;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The fleet's queues, for any key: they hold every tenant's work but show only counts. */
@RestController
@RequestMapping(path = "/api/v1/queues", produces = MediaType.APPLICATION_JSON_VALUE)
public class QueueController {

    private static final Logger log = LoggerFactory.getLogger(QueueController.class);

    private final QueueMonitor monitor;

    public QueueController(QueueMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping
    public QueueResponse list(Caller caller) {
        try {
            return monitor.sample();
        } catch (AmqpException e) {
            log.warn("Neither the management API nor AMQP answered: {}", e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the message broker is not available; try again",
                    List.of());
        }
    }
}
