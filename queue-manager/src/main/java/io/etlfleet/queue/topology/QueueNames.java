package io.etlfleet.queue.topology;

import java.util.ArrayList;
import java.util.List;

/** Names of the fleet's exchanges and queues. Every app declares and uses exactly these. */
public final class QueueNames {

    public static final String EXTRACT_EXCHANGE = "etl.extract";
    public static final String TRANSFORM_EXCHANGE = "etl.transform";
    public static final String DEAD_LETTER_EXCHANGE = "etl.dlx";

    /**
     * Direct exchange to which every work queue is bound with its own name as routing key;
     * expired retry messages and replayed dead letters come back to their work queue through it.
     */
    public static final String RETRY_RETURN_EXCHANGE = "etl.retry.return";

    /** Prefix of the retry tier queues and their exchanges, e.g. {@code etl.retry.30s}. */
    public static final String RETRY_PREFIX = "etl.retry.";

    private static final String BACKFILL_SUFFIX = ".backfill";

    /** Integration types with their own queues. */
    public static final List<String> INTEGRATION_TYPES = List.of("github", "jira", "jdbc", "csv", "rest");

    private QueueNames() {
    }

    public static String extractQueue(String integrationType) {
        return EXTRACT_EXCHANGE + "." + integrationType;
    }

    /**
     * Where full (backfill) extract jobs of a type wait, apart from incremental ones, so a
     * large backfill never queues in front of a small incremental sync.
     */
    public static String extractBackfillQueue(String integrationType) {
        return extractQueue(integrationType) + BACKFILL_SUFFIX;
    }

    /** Routing key on {@value #EXTRACT_EXCHANGE} for an extract job of a type and mode. */
    public static String extractRoutingKey(String integrationType, String mode) {
        return "full".equals(mode) ? integrationType + BACKFILL_SUFFIX : integrationType;
    }

    public static String transformQueue(String integrationType) {
        return TRANSFORM_EXCHANGE + "." + integrationType;
    }

    public static String deadLetterQueue(String queue) {
        return queue + ".dlq";
    }

    /**
     * Extract queues first (each followed by its backfill queue), then transform queues, in the
     * order of {@code integrationTypes}.
     */
    public static List<String> workQueues(List<String> integrationTypes) {
        List<String> queues = new ArrayList<>();
        integrationTypes.forEach(type -> {
            queues.add(extractQueue(type));
            queues.add(extractBackfillQueue(type));
        });
        integrationTypes.forEach(type -> queues.add(transformQueue(type)));
        return List.copyOf(queues);
    }
}
