package io.etlfleet.transform.config;

import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.QueueNames;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.runtime.FleetProperties;
import io.etlfleet.runtime.ScalingProperties;
import io.etlfleet.runtime.WorkerIdentity;
import io.etlfleet.runtime.workers.ConcurrencyController;
import io.etlfleet.runtime.workers.JobConsumerGroup;
import io.etlfleet.runtime.workers.ShutdownSettings;
import io.etlfleet.runtime.workers.WorkerHeartbeat;
import io.etlfleet.runtime.workers.WorkerTypes;
import io.etlfleet.storage.jobs.JobKind;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.StaleJobReclaimer;
import io.etlfleet.storage.outbox.OutboxRelay;
import io.etlfleet.storage.workers.WorkerConcurrencyStore;
import io.etlfleet.storage.workers.WorkerRegistry;
import io.etlfleet.transform.github.GithubCommitLoader;
import io.etlfleet.transform.github.GithubIssueCommentLoader;
import io.etlfleet.transform.github.GithubIssueLoader;
import io.etlfleet.transform.github.GithubPullRequestLoader;
import io.etlfleet.transform.github.GithubRepositoryLoader;
import io.etlfleet.transform.jdbc.JdbcTableLoader;
import io.etlfleet.transform.jira.JiraIssueLoader;
import io.etlfleet.transform.jira.JiraProjectLoader;
import io.etlfleet.transform.jira.JiraStatusLoader;
import io.etlfleet.transform.loading.EntityLoaders;
import io.etlfleet.transform.loading.RawOnlyLoader;
import io.etlfleet.transform.metrics.TransformMetrics;
import io.etlfleet.transform.running.TransformJobRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the transform workers: one consumer group over the configured types' transform queues. */
@Configuration(proxyBeanMethods = false)
class TransformWorkerConfiguration {

    @Bean
    WorkerTypes transformTypes(TransformWorkerProperties properties) {
        return properties.workerTypes();
    }

    @Bean
    EntityLoaders entityLoaders() {
        return new EntityLoaders(List.of(new GithubIssueLoader(), new GithubPullRequestLoader(), new GithubCommitLoader(),
                new GithubIssueCommentLoader(), new GithubRepositoryLoader(), new JiraProjectLoader(),
                new JiraStatusLoader(), new JiraIssueLoader()), Map.of(JdbcTableLoader.INTEGRATION_TYPE, new JdbcTableLoader(),
                "csv", new RawOnlyLoader("csv"), "rest", new RawOnlyLoader("rest")));
    }

    @Bean
    TransformJobRunner transformJobRunner(Jdbi jdbi, EntityLoaders loaders, WorkerIdentity identity, FleetProperties fleet) {
        return new TransformJobRunner(jdbi, loaders, identity.id(), fleet.staleAfter());
    }

    @Bean
    JobConsumerGroup<TransformJobMessage> transformConsumers(ConnectionFactory connectionFactory,
            ConfirmedPublisher publisher, TopologySettings topology, WorkerTypes types, TransformJobRunner runner,
            WorkerIdentity identity, FleetProperties fleet, TransformWorkerProperties properties, TransformMetrics metrics,
            ShutdownSettings shutdown) {
        ConsumerSettings settings = ConsumerSettings.of("transform", identity.id())
                .withPrefetch(properties.prefetch())
                .withMaxAttempts(fleet.maxAttempts())
                .withShutdownTimeout(shutdown.timeout());
        return new JobConsumerGroup<>(new JobConsumers(connectionFactory, publisher, topology), types,
                QueueNames::transformQueue, TransformJobMessage.class, (message, context) -> {
                    try (MDC.MDCCloseable job = MDC.putCloseable("job_id", message.jobId().toString());
                            MDC.MDCCloseable tenant = MDC.putCloseable("tenant_id", message.tenantId().toString());
                            MDC.MDCCloseable integration = MDC.putCloseable("integration_id",
                                    message.integrationId().toString())) {
                        metrics.measure(message, () -> runner.run(message, context.attempt() >= fleet.maxAttempts()));
                    }
                }, new TransformFailureClassifier(), settings);
    }

    @Bean
    TransformMetrics transformMetrics(MeterRegistry registry, WorkerTypes types) {
        return new TransformMetrics(registry).registerTypes(types.types());
    }

    @Bean
    ConcurrencyController transformConcurrency(WorkerIdentity identity, JobConsumerGroup<TransformJobMessage> group,
            WorkerTypes types, WorkerConcurrencyStore store, ScalingProperties scaling) {
        return new ConcurrencyController(identity.id(), group, types, store, scaling.concurrencyPollInterval());
    }

    @Bean
    WorkerHeartbeat transformHeartbeat(WorkerIdentity identity, WorkerTypes types, Jdbi jdbi, JobStore jobs,
            TransformJobRunner runner, JobMessageCodec codec, OutboxRelay relay, FleetProperties fleet) {
        StaleJobReclaimer reclaimer = new StaleJobReclaimer(jdbi, jobs, JobKind.TRANSFORM, fleet.staleAfter(),
                new ReclaimedTransformMessages(jdbi, codec));
        return new WorkerHeartbeat(identity, "transform", types, new WorkerRegistry(jdbi), jobs, runner::jobsInHand,
                reclaimer, relay, fleet.heartbeatInterval());
    }
}
