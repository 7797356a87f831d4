package io.etlfleet.transform.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.messages.TransformJobMessage;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.jobs.NewJob;
import io.etlfleet.storage.outbox.OutboxMessage;
import io.etlfleet.storage.retransform.RetransformStore;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ReclaimedTransformMessagesIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private static UUID tenant;
    private static UUID integration;
    private final JobStore jobs = new JobStore(jdbi);
    private final JobMessageCodec codec = new JobMessageCodec();

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("reclaimed_messages");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
        tenant = UUID.randomUUID();
        integration = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.execute("insert into etl.tenants (id, name) values (?, 'acme')", tenant);
            h.execute("""
                    insert into etl.integrations (id, tenant_id, type, name, config, credentials, credentials_key_id)
                    values (?, ?, 'github', 'gh', '{}'::jsonb, '\\x00'::bytea, 'test')""", integration, tenant);
        });
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void aReclaimedJobOfAnExtractionIsSentAgainWithItsBatch() {
        UUID batch = UUID.randomUUID();
        Job job = insert(NewJob.transform(null, tenant, integration, "github", "github_issues", batch));

        TransformJobMessage message = decode(new ReclaimedTransformMessages(jdbi, codec).apply(job));

        assertThat(message.jobId()).isEqualTo(job.id());
        assertThat(message.batchId()).isEqualTo(batch);
        assertThat(message.rawIds()).isNull();
    }

    @Test
    void aReclaimedReTransformJobIsSentAgainWithItsRawIds() {
        Job job = insert(NewJob.transform(null, tenant, integration, "github", "github_issues", null));
        jdbi.useTransaction(h -> new RetransformStore().recordJob(h, job.id(), List.of(11L, 12L, 40L)));

        OutboxMessage outbox = new ReclaimedTransformMessages(jdbi, codec).apply(job);

        assertThat(outbox.exchange()).isEqualTo("etl.transform");
        assertThat(outbox.routingKey()).isEqualTo("github");
        assertThat(outbox.messageId()).isEqualTo(job.id().toString());
        TransformJobMessage message = decode(outbox);
        assertThat(message.batchId()).isNull();
        assertThat(message.rawIds()).containsExactly(11L, 12L, 40L);
        assertThat(message.entityType()).isEqualTo("github_issues");
    }

    private Job insert(NewJob job) {
        jdbi.useHandle(h -> jobs.insert(h, job));
        return jobs.find(job.id()).orElseThrow();
    }

    private TransformJobMessage decode(OutboxMessage outbox) {
        return codec.decode(outbox.body(), TransformJobMessage.class);
    }
}
