package io.etlfleet.queue.publish;

import java.util.List;

/**
 * Outcome of {@link ConfirmedPublisher#publishAll}: every message given is in exactly one list.
 *
 * @param confirmed messages the broker confirmed and routed to at least one queue, in the order given
 * @param failed    the others, with the reason
 */
public record PublishResult(List<OutgoingMessage> confirmed, List<PublishFailure> failed) {

    public PublishResult {
        confirmed = List.copyOf(confirmed);
        failed = List.copyOf(failed);
    }

    public boolean allConfirmed() {
        return failed.isEmpty();
    }
}
