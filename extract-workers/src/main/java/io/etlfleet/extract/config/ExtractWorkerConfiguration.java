package io.etlfleet.extract.config;

import io.etlfleet.extract.running.ExtractJobRunner;
import io.etlfleet.extract.running.ExtractMessages;
import io.etlfleet.integrations.Connectors;
import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.FleetProperties;
import io.etlfleet.runtime.WorkerIdentity;
import io.etlfleet.runtime.workers.JobConsumerGroup;
import io.etlfleet.runtime.workers.ShutdownSettings;
import io.etlfleet.runtime.workers.WorkerHeartbeat;
import io.etlfleet.runtime.workers.WorkerTypes;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.StaleJobReclaimer;
import io.etlfleet.storage.outbox.OutboxRelay;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the extract workers: one consumer group over the configured types' extract queues. */
@Configuration(proxyBeanMethods = false)
class ExtractWorkerConfiguration {

    @Bean
    WorkerTypes extractTypes(ExtractWorkerProperties properties) {
        return properties.workerTypes();
    }

    @Bean(destroyMethod = "close")
    Connectors connectors() {
        return Connectors.standard();
    }

    @Bean
    ExtractJobRunner extractJobRunner(Jdbi jdbi, IntegrationStore integrations, Connectors connectors,
            JobMessageCodec codec, WorkerIdentity identity, FleetProperties fleet, OutboxRelay relay) {
        return new ExtractJobRunner(jdbi, integrations, connectors::factory, codec, identity.id(), fleet.staleAfter(),
                relay::wake, Clock.systemUTC());
    }

    @Bean
    JobConsumerGroup<ExtractJobMessage> extractConsumers(ConnectionFactory connectionFactory, ConfirmedPublisher publisher,
            TopologySettings topology, WorkerTypes types, ExtractJobRunner runner, WorkerIdentity identity,
            FleetProperties fleet, ExtractWorkerProperties properties, ShutdownSettings shutdown) {
        ConsumerSettings settings = ConsumerSettings.of("extract", identity.id())
                .withPrefetch(properties.prefetch())
                .withMaxAttempts(fleet.maxAttempts())
                .withShutdownTimeout(shutdown.timeout());
        JobConsumerGroup<ExtractJobMessage>[] group = new JobConsumerGroup[1];
        group[0] = new JobConsumerGroup<>(new JobConsumers(connectionFactory, publisher, topology), types,
                QueueNames::extractQueue, ExtractJobMessage.class, (message, context) -> {
                    try (MDC.MDCCloseable job = MDC.putCloseable("job_id", message.jobId().toString());
                            MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", message.tenantId().toString());
                            MDC.MDCCloseable integration = MDC.putCloseable("integration_id",
                                    message.integrationId().toString())) {
                        runner.run(message, context.attempt() >= fleet.maxAttempts(), group[0]::stopping);
                    }
                }, new ExtractFailureClassifier(), settings);
        return group[0];
    }

    @Bean
    WorkerHeartbeat extractHeartbeat(WorkerIdentity identity, WorkerTypes types, Jdbi jdbi, JobStore jobs,
            ExtractJobRunner runner, JobMessageCodec codec, OutboxRelay relay, FleetProperties fleet) {
        StaleJobReclaimer reclaimer = new StaleJobReclaimer(jdbi, jobs, JobKind.EXTRACT, fleet.staleAfter(),
                job -> ExtractMessages.forJob(codec, job));
        return new WorkerHeartbeat(identity, "extract", types, new WorkerRegistry(jdbi), jobs, runner::jobsInHand,
                reclaimer, relay, fleet.heartbeatInterval());
    }
}
