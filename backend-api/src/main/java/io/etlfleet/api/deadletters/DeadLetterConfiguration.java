package io.etlfleet.api.deadletters;

import io.etlfleet.queue.deadletter.DeadLetters;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.topology.TopologySettings;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** queue-manager's dead-letter browser on the app's broker connection. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(ConnectionFactory connectionFactory, ConfirmedPublisher publisher, TopologySettings topology) {
        return new DeadLetters(connectionFactory, publisher, topology);
    }
}
