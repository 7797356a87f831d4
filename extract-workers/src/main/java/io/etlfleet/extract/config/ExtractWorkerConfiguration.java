package io.etlfleet.extract.config;

import io.etlfleet.extract.ratelimits.DatabaseEtagStore;
import io.etlfleet.extract.ratelimits.DatabaseRateLimitBudgets;
import io.etlfleet.extract.ratelimits.RateLimitDeferral;
import io.etlfleet.extract.running.ExtractJobHandler;
import io.etlfleet.extract.running.ExtractJobRunner;
import io.etlfleet.extract.running.ExtractMessages;
import io.etlfleet.integrations.Connectors;
import io.etlfleet.integrations.spi.ConnectorServices;
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
import io.etlfleet.runtime.workers.WorkerHeartbeat;
import io.etlfleet.runtime.workers.WorkerTypes;
import io.etlfleet.storage.etags.EtagRepository;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.StaleJobReclaimer;
import io.etlfleet.storage.outbox.OutboxRelay;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.workers.WorkerRegistry;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
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

    /** Connectors whose rate-limit budgets and ETags live in PostgreSQL, shared by the whole fleet. */
    @Bean(destroyMethod = "close")
    Connectors connectors(Jdbi jdbi) {
        return Connectors.standard(new ConnectorServices(new DatabaseRateLimitBudgets(new RateLimitBudgetRepository(jdbi)),
                new DatabaseEtagStore(new EtagRepository(jdbi))));
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
            FleetProperties fleet, ExtractWorkerProperties properties, JobMessageCodec codec) {
        ConsumerSettings settings = ConsumerSettings.of("extract", identity.id())
                .withPrefetch(properties.prefetch())
                .withMaxAttempts(fleet.maxAttempts());
        JobConsumerGroup<ExtractJobMessage>[] group = new JobConsumerGroup[1];
        RateLimitDeferral deferral = new RateLimitDeferral(publisher, topology.retryTiers(), codec, Clock.systemUTC());
        group[0] = new JobConsumerGroup<>(new JobConsumers(connectionFactory, publisher, topology), types,
                QueueNames::extractQueue, ExtractJobMessage.class,
                new ExtractJobHandler(runner, deferral, fleet.maxAttempts(), () -> group[0].stopping()),
                new ExtractFailureClassifier(), settings);
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
