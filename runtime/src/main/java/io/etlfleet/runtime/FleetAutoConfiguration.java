package io.etlfleet.runtime;

import io.etlfleet.queue.connection.RabbitConnections;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.Topology;
import io.etlfleet.queue.topology.TopologySettings;
import io.etlfleet.storage.Storage;
import io.etlfleet.storage.crypto.CredentialCipher;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.outbox.OutboxRelay;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Beans every etl-fleet app shares: its worker identity, the RabbitMQ connection (from
 * {@code ETL_RABBITMQ_URI}, with confirms and returns), the declared topology, the confirmed
 * publisher, Jdbi on the app's DataSource, and the outbox relay that publishes what the app's
 * transactions wrote to {@code etl.outbox}.
 */
@AutoConfiguration(before = RabbitAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@EnableConfigurationProperties({FleetProperties.class, io.etlfleet.runtime.workers.ShutdownSettings.class})
public class FleetAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkerIdentity workerIdentity(Environment environment) {
        return WorkerIdentity.of(environment.getProperty("spring.application.name", "etl-fleet"));
    }

    @Bean(destroyMethod = "destroy")
    @ConditionalOnMissingBean(ConnectionFactory.class)
    CachingConnectionFactory rabbitConnectionFactory(FleetProperties properties, WorkerIdentity identity) {
        return RabbitConnections.create(properties.rabbitmqUri(), identity.id());
    }

    @Bean
    @ConditionalOnMissingBean
    TopologySettings topologySettings() {
        return TopologySettings.defaults();
    }

    @Bean
    TopologyDeclaration topologyDeclaration(ConnectionFactory connectionFactory, TopologySettings settings) {
        return new TopologyDeclaration(new Topology(connectionFactory, settings));
    }

    @Bean
    ConfirmedPublisher confirmedPublisher(ConnectionFactory connectionFactory) {
        return new ConfirmedPublisher(connectionFactory);
    }

    @Bean
    JobMessageCodec jobMessageCodec() {
        return new JobMessageCodec();
    }

    @Bean
    Jdbi jdbi(DataSource dataSource) {
        return Storage.jdbi(dataSource);
    }

    @Bean
    JobStore jobStore(Jdbi jdbi) {
        return new JobStore(jdbi);
    }

    @Bean
    @ConditionalOnMissingBean
    CredentialCipher credentialCipher(FleetProperties properties) {
        return CredentialCipher.fromSettings(properties.masterKey(), properties.previousMasterKeys());
    }

    @Bean
    @ConditionalOnMissingBean
    IntegrationStore integrationStore(Jdbi jdbi, CredentialCipher cipher) {
        return new IntegrationStore(jdbi, cipher);
    }

    @Bean
    OutboxRelay outboxRelay(Jdbi jdbi, ConfirmedPublisher publisher, FleetProperties properties) {
        return new OutboxRelay(jdbi, new ConfirmingOutboxPublisher(publisher), properties.outboxInterval());
    }

    @Bean
    OutboxRelayLifecycle outboxRelayLifecycle(OutboxRelay relay) {
        return new OutboxRelayLifecycle(relay);
    }
}
