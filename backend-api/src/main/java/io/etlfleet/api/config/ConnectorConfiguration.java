package io.etlfleet.api.config;

import io.etlfleet.api.integrations.IntegrationTypes;
import io.etlfleet.integrations.Connectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The source connectors, used here to validate integration config without calling the source. */
@Configuration(proxyBeanMethods = false)
public class ConnectorConfiguration {

    @Bean(destroyMethod = "close")
    Connectors connectors() {
        return Connectors.standard();
    }

    @Bean
    IntegrationTypes integrationTypes(Connectors connectors) {
        return new IntegrationTypes(connectors);
    }
}
