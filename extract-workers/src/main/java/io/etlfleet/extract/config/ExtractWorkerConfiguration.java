package io.etlfleet.extract.config;

import io.etlfleet.extract.fairness.BackfillGate;
import io.etlfleet.extract.fairness.FairExtractClaimer;
import io.etlfleet.extract.files.DatabaseUploadedFiles;
import io.etlfleet.extract.metrics.ExtractMetrics;
import io.etlfleet.extract.metrics.SharedBudgetGauges;
import io.etlfleet.extract.ratelimits.DatabaseEtagStore;
import io.etlfleet.extract.ratelimits.DatabaseRateLimitBudgets;
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
import io.etlfleet.runtime.ScalingProperties;
import io.etlfleet.runtime.workers.ConcurrencyController;
import io.etlfleet.runtime.workers.ConsumedQueue;
import io.etlfleet.runtime.workers.JobConsumerGroup;
import io.etlfleet.runtime.workers.ShutdownSettings;
import io.etlfleet.runtime.workers.WorkerHeartbeat;
import io.etlfleet.runtime.workers.WorkerTypes;
import io.etlfleet.storage.etags.EtagRepository;
import io.etlfleet.storage.fairness.FairClaims;
import io.etlfleet.storage.files.FileStore;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.StaleJobReclaimer;
import io.etlfleet.storage.outbox.OutboxRelay;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import io.etlfleet.storage.workers.WorkerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
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

    /**
     * Connectors whose rate-limit budgets, ETags and uploaded files live in PostgreSQL, shared by
     * the whole fleet.
     */
    @Bean(destroyMethod = "close")
    Connectors connectors(Jdbi jdbi) {
        return Connectors.standard(new ConnectorServices(new DatabaseRateLimitBudgets(new RateLimitBudgetRepository(jdbi)),
                new DatabaseEtagStore(new EtagRepository(jdbi)), new DatabaseUploadedFiles(new FileStore(jdbi))));
    }

    @Bean
    ExtractMetrics extractMetrics(MeterRegistry registry, WorkerTypes types) {
        return new ExtractMetrics(registry).registerTypes(types.types());
    }

    /** The fleet's shared rate-limit budgets as gauges, sampled as often as the queue gauges. */
    @Bean
    SharedBudgetGauges sharedBudgetGauges(Jdbi jdbi, MeterRegistry registry, ScalingProperties scaling) {
        return new SharedBudgetGauges(new RateLimitBudgetRepository(jdbi), registry, scaling.queueMetricsInterval(),
                Clock.systemUTC());
    }

    @Bean
    ExtractJobRunner extractJobRunner(Jdbi jdbi, IntegrationStore integrations, Connectors connectors,
            JobMessageCodec codec, WorkerIdentity identity, FleetProperties fleet, OutboxRelay relay, JobStore jobs,
            ScalingProperties scaling, ExtractMetrics metrics, ExtractWorkerProperties properties) {
        FairExtractClaimer claimer = new FairExtractClaimer(new FairClaims(jdbi, jobs, scaling.maxJobsPerIntegration()),
                scaling.deferDelay(), message -> metrics.deferred(message, "integration_cap"));
        return new ExtractJobRunner(jdbi, integrations, connectors::factory, codec, identity.id(), fleet.staleAfter(),
                relay::wake, Clock.systemUTC(), claimer, metrics, properties.scopeParallelism());
    }

    @Bean
    JobConsumerGroup<ExtractJobMessage> extractConsumers(ConnectionFactory connectionFactory, ConfirmedPublisher publisher,
            TopologySettings topology, WorkerTypes types, ExtractJobRunner runner, WorkerIdentity identity,
            FleetProperties fleet, ExtractWorkerProperties properties, ScalingProperties scaling, ExtractMetrics metrics,
            ShutdownSettings shutdown) {
        ConsumerSettings settings = ConsumerSettings.of("extract", identity.id())
                .withPrefetch(properties.prefetch())
                .withMaxAttempts(fleet.maxAttempts())
                .withShutdownTimeout(shutdown.timeout());
        JobConsumerGroup<ExtractJobMessage>[] group = new JobConsumerGroup[1];
        BackfillGate gate = new BackfillGate(type -> group[0].concurrency().get(type), scaling.deferDelay());
        List<ConsumedQueue> queues = List.of(ConsumedQueue.withFullConcurrency(QueueNames::extractQueue),
                ConsumedQueue.withShare(QueueNames::extractBackfillQueue, scaling.backfillShare()));
        group[0] = new JobConsumerGroup<>(new JobConsumers(connectionFactory, publisher, topology), types, queues,
                ExtractJobMessage.class, new ExtractJobHandler(runner, gate, metrics, fleet.maxAttempts(),
                        () -> group[0].stopping(), Clock.systemUTC()),
                new ExtractFailureClassifier(), settings);
        return group[0];
    }

    @Bean
    ConcurrencyController extractConcurrency(WorkerIdentity identity, JobConsumerGroup<ExtractJobMessage> group,
            WorkerTypes types, WorkerConcurrencyStore store, ScalingProperties scaling) {
        return new ConcurrencyController(identity.id(), group, types, store, scaling.concurrencyPollInterval());
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
