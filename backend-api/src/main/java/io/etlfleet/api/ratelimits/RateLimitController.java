package io.etlfleet.api.ratelimits;

import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.ratelimits.RateLimitBudgetRepository;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/integrations/{id}/rate-limit}: the source's request budgets for the
 * credential the integration's requests used last, as the extract workers recorded them from
 * the source's rate-limit headers (shared by every integration with the same credential). An
 * empty list until the source reported any. Another tenant's integration answers 404.
 */
@RestController
public class RateLimitController {

    private final IntegrationService integrations;
    private final RateLimitBudgetRepository budgets;

    public RateLimitController(IntegrationService integrations, RateLimitBudgetRepository budgets) {
        this.integrations = integrations;
        this.budgets = budgets;
    }

    @GetMapping(path = "/api/v1/integrations/{id}/rate-limit", produces = MediaType.APPLICATION_JSON_VALUE)
    public RateLimitResponse rateLimit(Caller caller, @PathVariable UUID id) {
        Integration integration = integrations.find(caller, id, null);
        return new RateLimitResponse(budgets.forIntegration(integration.id()).stream()
                .map(RateLimitResponse.Budget::of).toList());
    }
}
