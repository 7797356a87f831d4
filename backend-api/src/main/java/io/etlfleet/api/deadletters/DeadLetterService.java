package io.etlfleet.api.deadletters;

import io.etlfleet.api.errors.FieldErrors;
import io.etlfleet.queue.deadletter.DeadLetter;
import io.etlfleet.queue.deadletter.DeadLetters;
import io.etlfleet.queue.deadletter.ReplayListener;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The fleet's dead letters for admins: peek without consuming, replay to the origin queue, and
 * discard, through queue-manager's {@link DeadLetters}. A replayed job's record moves from
 * {@code dead} back to {@code queued} before its message is published, so the worker that gets
 * it may claim it; if the publish fails the record goes back to {@code dead}.
 */
@Service
public class DeadLetterService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_IDS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetters deadLetters;
    private final JobStore jobs;
    private final IntegrationStore integrations;

    public DeadLetterService(DeadLetters deadLetters, JobStore jobs, IntegrationStore integrations) {
        this.deadLetters = deadLetters;
        this.jobs = jobs;
        this.integrations = integrations;
    }

    public DeadLetterListResponse list(String queue, String errorClass, Integer limit) {
        FieldErrors errors = new FieldErrors();
        if (queue != null) {
            validateQueue(errors, queue);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add("limit", "must be between 1 and " + MAX_LIMIT);
        }
        errors.throwIfAny();
        int max = limit == null ? DEFAULT_LIMIT : limit;
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        List<DeadLetterListResponse.Item> items = new ArrayList<>();
        CredentialRedactor redactor = new CredentialRedactor(integrations);
        for (String dlq : queue == null ? deadLetters.queues() : List.of(queue)) {
            for (DeadLetter letter : deadLetters.peek(dlq, DeadLetters.MAX_SCAN)) {
                counts.merge(List.of(dlq, String.valueOf(letter.originQueue()), letter.errorClass()), 1L, Long::sum);
                if (items.size() < max && (errorClass == null || errorClass.equals(letter.errorClass()))) {
                    items.add(item(letter, redactor));
                }
            }
        }
        List<DeadLetterListResponse.Count> countList = counts.entrySet().stream()
                .map(e -> new DeadLetterListResponse.Count(e.getKey().get(0),
                        "null".equals(e.getKey().get(1)) ? null : e.getKey().get(1), e.getKey().get(2), e.getValue()))
                .toList();
        return new DeadLetterListResponse(countList, items);
    }

    public DeadLetterListResponse.Replayed replay(DeadLetterActionRequest request) {
        List<DeadLetterListResponse.NotReplayed> notReplayed = new ArrayList<>();
        Predicate<DeadLetter> selector = selector(request).and(letter -> replayable(letter, notReplayed));
        Map<String, String> previousErrors = new ConcurrentHashMap<>();
        int replayed = deadLetters.replayMatching(request.queue(), selector, new ReplayListener() {
            @Override
            public void beforeReplay(DeadLetter letter) {
                requeueJob(letter).ifPresent(job -> previousErrors.put(letter.messageId(),
                        job.error() == null ? "" : job.error()));
            }

            @Override
            public void replayFailed(DeadLetter letter, RuntimeException failure) {
                String error = previousErrors.get(letter.messageId());
                if (error != null) {
                    markDeadAgain(letter, error.isEmpty() ? null : error);
                }
            }
        });
        return new DeadLetterListResponse.Replayed(replayed, notReplayed);
    }

    /**
     * Whether a worker would run the message's job once replayed: yes when no job record
     * matches (a malformed message goes back to be judged again) or the job is dead, queued or
     * retrying. A failed, succeeded, cancelled or running job would be dropped as a duplicate,
     * so its message stays in the DLQ and the caller learns why.
     */
    private boolean replayable(DeadLetter letter, List<DeadLetterListResponse.NotReplayed> notReplayed) {
        Optional<Job> job = jobId(letter).flatMap(jobs::find);
        if (job.isEmpty() || EnumSet.of(JobStatus.DEAD, JobStatus.QUEUED, JobStatus.RETRYING).contains(job.get().status())) {
            return true;
        }
        notReplayed.add(new DeadLetterListResponse.NotReplayed(letter.messageId(), "job " + job.get().id() + " is "
                + job.get().status().dbValue() + ": a worker would drop it as finished; use POST /jobs/{id}/retry"));
        return false;
    }

    public DeadLetterListResponse.Discarded discard(DeadLetterActionRequest request) {
        int discarded = deadLetters.discardMatching(request.queue(), selector(request));
        return new DeadLetterListResponse.Discarded(discarded);
    }

    /** Dead → queued for the job this message carries; empty when there is no such dead job. */
    private Optional<Job> requeueJob(DeadLetter letter) {
        Optional<Job> job = jobId(letter).flatMap(jobs::find).filter(found -> found.status() == JobStatus.DEAD);
        job.ifPresent(found -> {
            jobs.transition(found.id(), JobStatus.QUEUED, null, null);
            log.info("Job {} requeued: its message is replayed from {}", found.id(), letter.queue());
        });
        return job;
    }

    private void markDeadAgain(DeadLetter letter, String error) {
        jobId(letter).ifPresent(id -> {
            try {
                jobs.transition(id, JobStatus.DEAD, error, null);
            } catch (RuntimeException e) {
                log.warn("Job {} could not be marked dead again after its replay failed: {}", id, e.toString());
            }
        });
    }

    private static Optional<UUID> jobId(DeadLetter letter) {
        try {
            return Optional.ofNullable(letter.messageId()).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Predicate<DeadLetter> selector(DeadLetterActionRequest request) {
        FieldErrors errors = new FieldErrors();
        if (errors.require("queue", request.queue())) {
            validateQueue(errors, request.queue());
        }
        boolean byIds = request.messageIds() != null;
        boolean byClass = request.errorClass() != null;
        if (byIds == byClass) {
            errors.add("message_ids", "give either message_ids or error_class");
        } else if (byIds) {
            if (request.messageIds().isEmpty()) {
                errors.add("message_ids", "must name at least one message");
            } else if (request.messageIds().size() > MAX_IDS) {
                errors.add("message_ids", "must name at most " + MAX_IDS + " messages");
            }
            for (int i = 0; i < request.messageIds().size() && i < MAX_IDS; i++) {
                errors.require("message_ids[" + i + "]", request.messageIds().get(i));
            }
        } else {
            errors.require("error_class", request.errorClass());
        }
        errors.throwIfAny();
        if (byIds) {
            Set<String> ids = new LinkedHashSet<>(request.messageIds());
            return letter -> ids.contains(letter.messageId());
        }
        return letter -> request.errorClass().equals(letter.errorClass());
    }

    private void validateQueue(FieldErrors errors, String queue) {
        if (!deadLetters.queues().contains(queue)) {
            errors.add("queue", "must be one of the fleet's dead-letter queues: " + String.join(", ", deadLetters.queues()));
        }
    }

    private static DeadLetterListResponse.Item item(DeadLetter letter, CredentialRedactor redactor) {
        Set<String> secrets = redactor.secretsFor(letter.body());
        return new DeadLetterListResponse.Item(letter.messageId(), letter.queue(), letter.originQueue(),
                letter.errorClass(), CredentialRedactor.redact(letter.errorMessage(), secrets), letter.stage(),
                letter.attempts(), letter.workerId(), letter.failedAt(),
                CredentialRedactor.redactHeaders(letter.headers(), secrets), CredentialRedactor.redact(letter.body(), secrets));
    }
}
