package io.etlfleet.queue.topology;

import java.util.List;

/** Names of the fleet's exchanges and queues. Every app declares and uses exactly these. */
public final class QueueNames {

    public static final String EXTRACT_EXCHANGE = "etl.extract";
    public static final String TRANSFORM_EXCHANGE = "etl.transform";
    public static final String DEAD_LETTER_EXCHANGE = "etl.dlx";

    /** Integration types with their own queues. */
    public static final List<String> INTEGRATION_TYPES = List.of("github", "jira", "jdbc");

    private QueueNames() {
    }

    public static String extractQueue(String integrationType) {
        return EXTRACT_EXCHANGE + "." + integrationType;
    }

    public static String transformQueue(String integrationType) {
        return TRANSFORM_EXCHANGE + "." + integrationType;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }
}
