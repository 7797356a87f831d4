package io.etlfleet.runtime;

import io.etlfleet.queue.stats.QueueStatistics;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.metrics.QueueMetrics;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jdbi.v3.core.Jdbi;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Beans for scaling every app shares: the scaling settings, the store of concurrency changed
 * at run time, and the queue gauges sampled from the broker.
 */
@AutoConfiguration(after = FleetAutoConfiguration.class)
@EnableConfigurationProperties(ScalingProperties.class)
public class ScalingAutoConfiguration {

    @Bean
    WorkerConcurrencyStore workerConcurrencyStore(Jdbi jdbi) {
        return new WorkerConcurrencyStore(jdbi);
    }

    @Bean
    QueueMetrics queueMetrics(ConnectionFactory connectionFactory, TopologySettings topology,
            ObjectProvider<MeterRegistry> registry, ScalingProperties scaling) {
        return new QueueMetrics(new QueueStatistics(connectionFactory, topology),
                registry.getIfAvailable(SimpleMeterRegistry::new), scaling.queueMetricsInterval());
    }
}
