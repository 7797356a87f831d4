package io.etlfleet.extract.running;

import io.etlfleet.extract.running.PageCommitter.ExtractContext;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ConnectorFactory;
import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.RateLimitedException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.storage.JsonColumns;
import io.etlfleet.storage.integrations.Integration;
import io.etlfleet.storage.integrations.IntegrationStore;
import io.etlfleet.storage.jobs.IllegalJobTransitionException;
import io.etlfleet.storage.jobs.Job;
import io.etlfleet.storage.jobs.JobStatus;
import io.etlfleet.storage.jobs.JobStore;
import io.etlfleet.storage.outbox.OutboxStore;
import io.etlfleet.storage.ratelimits.DeferredJobs;
import io.etlfleet.storage.raw.RawStore;
import io.etlfleet.storage.rejections.RejectionStore;
import io.etlfleet.storage.sync.SyncState;
import io.etlfleet.storage.sync.SyncStateStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one extract job: claims it, creates the integration's connector and extracts the
 * scopes of the entity type (repositories, projects, tables), up to {@code scopeParallelism}
 * at once, committing page by page through {@link PageCommitter}. A resumed job starts from
 * its checkpoint (the scopes done, and the connector's position in each scope in progress). Failures update the job's status and are rethrown so the consumer can
 * retry or dead-letter the message.
 */
public class ExtractJobRunner {

    private static final Logger log = LoggerFactory.getLogger(ExtractJobRunner.class);
    /** Scopes of one job extracted at once unless configured otherwise ({@code ETL_EXTRACT_SCOPE_PARALLELISM}). */
    public static final int DEFAULT_SCOPE_PARALLELISM = 4;

    private final Jdbi jdbi;
    private final JobStore jobs;
    private final RawStore raw;
    private final SyncStateStore syncStates;
    private final OutboxStore outbox = new OutboxStore();
    private final RejectionStore rejections;
    private final IntegrationStore integrations;
    private final Function<String, ConnectorFactory> connectors;
    private final JobMessageCodec codec;
    private final String workerId;
    private final Duration staleAfter;
    private final Runnable wakeRelay;
    private final Clock clock;
    private final Set<UUID> inHand = ConcurrentHashMap.newKeySet();
    private final DeferredJobs deferred;
    private final ExtractClaimer claimer;
    private final ExtractObserver observer;
    private final int scopeParallelism;

    public ExtractJobRunner(Jdbi jdbi, IntegrationStore integrations, Function<String, ConnectorFactory> connectors,
            JobMessageCodec codec, String workerId, Duration staleAfter, Runnable wakeRelay, Clock clock) {
        this(jdbi, integrations, connectors, codec, workerId, staleAfter, wakeRelay, clock, null, ExtractObserver.NONE,
                DEFAULT_SCOPE_PARALLELISM);
    }

    /**
     * @param claimer  takes a job for this worker; null claims without further conditions
     * @param observer told about each job's start, pages and end (metrics)
     * @param scopeParallelism how many scopes of one job (repositories, projects, tables) are
     *                         extracted at once, each by its own connector and with its own checkpoint
     */
    public ExtractJobRunner(Jdbi jdbi, IntegrationStore integrations, Function<String, ConnectorFactory> connectors,
            JobMessageCodec codec, String workerId, Duration staleAfter, Runnable wakeRelay, Clock clock,
            ExtractClaimer claimer, ExtractObserver observer, int scopeParallelism) {
        if (scopeParallelism < 1) {
            throw new IllegalArgumentException("scope parallelism must be at least 1, was " + scopeParallelism);
        }
        this.scopeParallelism = scopeParallelism;
        this.jdbi = jdbi;
        this.jobs = new JobStore(jdbi);
        this.raw = new RawStore(jdbi);
        this.syncStates = new SyncStateStore(jdbi);
        this.rejections = new RejectionStore(jdbi);
        this.integrations = integrations;
        this.connectors = connectors;
        this.codec = codec;
        this.workerId = workerId;
        this.staleAfter = staleAfter;
        this.wakeRelay = wakeRelay;
        this.clock = clock;
        this.deferred = new DeferredJobs(jdbi, jobs);
        JobStore store = this.jobs;
        this.claimer = claimer != null ? claimer : (message, worker, stale) -> store.claim(message.jobId(), worker, stale);
        this.observer = observer;
    }

    /**
     * Runs the job named by {@code message} unless another live worker holds it or it is
     * already finished (a duplicate delivery), in which case it returns without effect.
     *
     * @param lastAttempt whether a retriable failure now would exhaust the job's retries
     * @param stopRequested turns true when the worker is stopping; the job then hands itself
     *                      back to the queue at the next page boundary
     * @return the job as it ended, or empty when this delivery was a duplicate
     */
    public Optional<Job> run(ExtractJobMessage message, boolean lastAttempt, BooleanSupplier stopRequested) {
        if (!inHand.add(message.jobId())) {
            log.info("Extract job {} is already running in this worker; skipping duplicate delivery", message.jobId());
            return Optional.empty();
        }
        try {
            Optional<Job> claimed = claimer.claim(message, workerId, staleAfter);
            if (claimed.isEmpty()) {
                log.info("Extract job {} is finished or held by a live worker; skipping duplicate delivery", message.jobId());
                return Optional.empty();
            }
            observer.started(claimed.get());
            return Optional.of(runClaimed(claimed.get(), message.scope(), lastAttempt, stopRequested));
        } finally {
            inHand.remove(message.jobId());
        }
    }

    /** Ids of the jobs this worker is running now, for heartbeats. */
    public List<UUID> jobsInHand() {
        return List.copyOf(inHand);
    }

    private Job runClaimed(Job job, String scope, boolean lastAttempt, BooleanSupplier stopRequested) {
        try {
            Job ended = extract(job, scope, stopRequested);
            observer.ended(ended);
            return ended;
        } catch (IllegalJobTransitionException e) {
            Job current = jobs.find(job.id()).orElseThrow();
            if (current.status() == JobStatus.CANCELLED) {
                log.info("Extract job {} was cancelled; stopped at a page boundary", job.id());
                observer.ended(current);
                return current;
            }
            observer.failed(job, e);
            throw e;
        } catch (RateLimitedException e) {
            // Waiting out a rate limit is not an attempt: the job waits, it never dies of it.
            defer(job, e);
            throw e;
        } catch (ConnectorException e) {
            markFailed(job, e.retriable() ? retryStatus(lastAttempt) : JobStatus.FAILED, e);
            observer.failed(job, e);
            throw e;
        } catch (RuntimeException e) {
            markFailed(job, retryStatus(lastAttempt), e);
            observer.failed(job, e);
            throw e;
        }
    }

    private static JobStatus retryStatus(boolean lastAttempt) {
        return lastAttempt ? JobStatus.DEAD : JobStatus.RETRYING;
    }

    private Job extract(Job job, String onlyScope, BooleanSupplier stopping) {
        // Checked at every page boundary: a stopping worker hands the job back, a cancel request ends it.
        AtomicBoolean cancelSeen = new AtomicBoolean(jobs.cancelRequested(job.id()));
        BooleanSupplier stopRequested = () -> stopping.getAsBoolean() || cancelSeen.get();
        Integration integration = integrations.find(job.integrationId())
                .orElseThrow(() -> new ConnectorException("integration " + job.integrationId() + " no longer exists"));
        if (!integration.enabled()) {
            throw new ConnectorException("integration " + integration.id() + " is disabled");
        }
        ConnectorFactory factory = connectors.apply(integration.type());
        ConnectorSettings settings = new ConnectorSettings(integration.id().toString(),
                JsonColumns.MAPPER.readTree(integration.configJson()), integrations.credentials(integration));
        JobCounts counts = new JobCounts(job.counts());
        ExtractContext context = new ExtractContext(jdbi, jobs, raw, syncStates, outbox, rejections, codec, workerId,
                clock.instant(), wakeRelay, observer);
        SyncMode mode = SyncMode.valueOf(Optional.ofNullable(job.mode()).orElse("incremental").toUpperCase(Locale.ROOT));
        List<String> pending;
        ExtractCheckpoint checkpoint;
        try (Connector connector = factory.create(settings)) {
            List<String> scopes = onlyScope == null ? connector.scopes(job.entityType()) : List.of(onlyScope);
            checkpoint = ExtractCheckpoint.parse(job.checkpoint(), scopes);
            jdbi.useTransaction(h -> jobs.saveCheckpoint(h, job.id(), workerId, checkpoint.toJson(), counts.snapshot()));
            pending = scopes.stream().filter(scope -> !checkpoint.done(scope)).toList();
        }
        ScopeExtraction scopeRun = (scope, scopeStop) -> {
            try (Connector connector = factory.create(settings)) {
                Optional<SyncState> state = syncStates.find(job.integrationId(), job.entityType(), scope);
                ExtractRequest request = new ExtractRequest(job.entityType(), scope, mode,
                        state.map(SyncState::cursor).orElse(Map.of()), checkpoint.resume(scope), context.runStartedAt());
                connector.extract(request, new PageCommitter(context, job, scope,
                        state.map(SyncState::windowEnd).orElse(null), counts, scopeStop, () -> cancelSeen.set(true)));
            }
        };
        ScopeExtraction.runAll(pending, scopeParallelism, stopRequested, scopeRun, "extract-" + job.id());
        if (stopRequested.getAsBoolean() || jobs.cancelRequested(job.id())) {
            return handBack(job, counts);
        }
        Job done = jobs.transition(job.id(), JobStatus.SUCCEEDED, null, counts.snapshot());
        log.info("Extract job {} succeeded: {}", job.id(), done.counts());
        return done;
    }

    /** The worker is stopping: the job goes back to the queue and resumes from its checkpoint. */
    private Job handBack(Job job, JobCounts counts) {
        if (jobs.cancelRequested(job.id())) {
            Job cancelled = jobs.transition(job.id(), JobStatus.CANCELLED, "cancelled on request", counts.snapshot());
            log.info("Extract job {} cancelled on request; stopped at a page boundary", job.id());
            return cancelled;
        }
        Job queued = jdbi.inTransaction(h -> {
            Job back = jobs.transition(h, job.id(), JobStatus.QUEUED, null, counts.snapshot());
            outbox.add(h, ExtractMessages.forJob(codec, job));
            return back;
        });
        wakeRelay.run();
        log.info("Extract job {} handed back to the queue at a page boundary", job.id());
        return queued;
    }

    /**
     * The source's budget is spent: the job goes back to queued (its claim not counted as an
     * attempt) and the caller puts its message back with a delay; it resumes from its checkpoint.
     */
    private void defer(Job job, RateLimitedException e) {
        try {
            deferred.defer(job.id(), "waiting for the source's rate limit to reset at " + e.resetAt());
            log.info("Extract job {} deferred until the rate limit resets at {}", job.id(), e.resetAt());
        } catch (RuntimeException unrecorded) {
            log.warn("Could not record the deferral of extract job {}: {}", job.id(), unrecorded.toString());
        }
    }

    private void markFailed(Job job, JobStatus status, RuntimeException e) {
        try {
            jobs.transition(job.id(), status, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (RuntimeException unrecorded) {
            // The database may be what failed; the job stays running under this worker id and
            // the redelivered message re-claims it.
            log.warn("Could not record failure of extract job {}: {}", job.id(), unrecorded.toString());
        }
    }
}
