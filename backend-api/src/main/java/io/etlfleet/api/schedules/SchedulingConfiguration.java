package io.etlfleet.api.schedules;

import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.runtime.WorkerIdentity;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.schedules.ScheduleStore;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schedule store and the runner that fires due schedules in this API instance. */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

    @Bean
    ScheduleStore scheduleStore(Jdbi jdbi) {
        return new ScheduleStore(jdbi);
    }

    @Bean
    ScheduleFirer scheduleFirer(Jdbi jdbi, ScheduleStore schedules, IntegrationStore integrations, IntegrationTypes types,
            JobStore jobs, OutboxStore outbox, JobMessageCodec codec, ApplicationEventPublisher events,
            WorkerIdentity identity) {
        return new ScheduleFirer(jdbi, schedules, integrations, types, jobs, outbox, codec, events, identity.id());
    }

    @Bean
    ScheduleRunner scheduleRunner(ScheduleFirer firer, SchedulerProperties properties) {
        return new ScheduleRunner(firer, properties);
    }
}
