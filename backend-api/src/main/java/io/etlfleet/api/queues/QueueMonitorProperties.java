package io.etlfleet.api.queues;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where {@code GET /queues} reads rates and unacknowledged counts, under {@code etl.api.queues.*}.
 *
 * @param managementUrl {@code ETL_RABBITMQ_MANAGEMENT_URL}: the RabbitMQ management HTTP API; blank means
 *                      {@code http://<broker host>:15672}. It is called with the broker's user, password
 *                      and vhost from {@code ETL_RABBITMQ_URI}
 * @param timeout       how long to wait for the management API before falling back to AMQP
 */
@ConfigurationProperties("etl.api.queues")
public record QueueMonitorProperties(String managementUrl, Duration timeout) {

    public QueueMonitorProperties {
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
