package io.etlfleet.queue.messages;

import java.util.UUID;

/** A versioned job envelope. Version {@value #CURRENT_VERSION} is the only one workers accept. */
public sealed interface JobMessage permits ExtractJobMessage, TransformJobMessage {

    int CURRENT_VERSION = 1;

    int version();

    UUID jobId();

    UUID tenantId();

    UUID integrationId();

    String integrationType();

    String entityType();
}
