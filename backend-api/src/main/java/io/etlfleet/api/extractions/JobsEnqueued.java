package io.etlfleet.api.extractions;

import java.util.List;
import java.util.UUID;

/**
 * Published after the transaction that stored new jobs and their outbox messages commits, so
 * the outbox relay can publish them at once instead of at its next poll.
 */
public record JobsEnqueued(UUID tenantId, UUID integrationId, List<UUID> jobIds) {

    public JobsEnqueued {
        jobIds = List.copyOf(jobIds);
    }
}
