package io.etlfleet.queue;

import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.TransformJobMessage;
import java.util.UUID;

/** Test-data builders for job messages. */
public final class Jobs {

    private Jobs() {
    }

    public static ExtractJobMessage anExtractJob() {
        return anExtractJob("github");
    }

    public static ExtractJobMessage anExtractJob(String integrationType) {
        return ExtractJobMessage.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), integrationType,
                integrationType + "_issues", "incremental", null);
    }

    public static TransformJobMessage aTransformJob(String integrationType) {
        return TransformJobMessage.forBatch(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), integrationType, integrationType + "_issues", UUID.randomUUID());
    }
}
