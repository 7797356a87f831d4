package io.etlfleet.api.ratelimits;

import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import org.jdbi.v3.core.Jdbi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared rate-limit budgets the extract workers record, read here. */
@Configuration(proxyBeanMethods = false)
public class RateLimitConfiguration {

    @Bean
    RateLimitBudgetRepository rateLimitBudgetRepository(Jdbi jdbi) {
        return new RateLimitBudgetRepository(jdbi);
    }
}
