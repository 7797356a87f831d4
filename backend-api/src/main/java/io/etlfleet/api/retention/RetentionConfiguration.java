package io.etlfleet.api.retention;

import io.etlfleet.storage.retention.RawRetention;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The raw-data purge; it only runs when {@code ETL_RAW_RETENTION} is set. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRunner retentionRunner(Jdbi jdbi, RetentionProperties properties) {
        return new RetentionRunner(new RawRetention(jdbi), properties);
    }
}
