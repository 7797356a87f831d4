package io.etlfleet.storage.raw;

import java.util.List;

/**
 * What {@link RawStore#store} did with a batch.
 *
 * @param stored   records that were new and are now stored
 * @param rejected records PostgreSQL refused, with the reason; nothing else of the batch was lost
 */
public record RawInsert(int stored, List<Rejected> rejected) {

    public RawInsert {
        rejected = List.copyOf(rejected);
    }

    /** A record that could not be stored. */
    public record Rejected(String externalId, String reason) {
    }
}
