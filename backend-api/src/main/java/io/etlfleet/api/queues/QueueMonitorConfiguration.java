package io.etlfleet.api.queues;

import io.etlfleet.queue.connection.RabbitEndpoint;
import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.FleetProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The queue monitor on the app's broker: management API first, AMQP as the fallback. */
@Configuration(proxyBeanMethods = false)
class QueueMonitorConfiguration {

    @Bean
    QueueMonitor queueMonitor(FleetProperties fleet, QueueMonitorProperties properties,
            ConnectionFactory connectionFactory, TopologySettings topology) {
        RabbitEndpoint endpoint = RabbitEndpoint.parse(fleet.rabbitmqUri());
        ManagementApi management = new ManagementApi(ManagementApi.resolve(properties.managementUrl(), endpoint),
                endpoint, properties.timeout());
        return new QueueMonitor(management, new QueueStatistics(connectionFactory, topology), topology);
    }
}
