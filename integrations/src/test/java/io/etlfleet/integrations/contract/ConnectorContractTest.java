package io.etlfleet.integrations.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.integrations.spi.ConnectionCheck;
import io.etlfleet.integrations.spi.Connector;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.ExtractRequest;
import io.etlfleet.integrations.spi.Page;
import io.etlfleet.integrations.spi.RetriableConnectorException;
import io.etlfleet.integrations.spi.SyncMode;
import io.etlfleet.integrations.spi.UnsupportedEntityException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do, whatever its source: page through everything, read only
 * changes incrementally, resume from a checkpoint, and classify failures. Each connector's
 * test subclasses this once and says how to arrange its source.
 */
public abstract class ConnectorContractTest {

    /** Records per page the connector requests. */
    protected abstract int pageSize();

    protected abstract String entityType();

    protected abstract String scope();

    /** Replaces the source's content in {@link #scope()} with {@code count} records. */
    protected abstract void givenRecords(int count);

    /** Changes {@code count} existing records so they are newer than anything before; returns their external ids. */
    protected abstract Set<String> changeRecords(int count);

    /** External ids the source holds in {@link #scope()} right now. */
    protected abstract Set<String> expectedExternalIds();

    /** Makes the next {@code requests} requests fail the way a struggling source fails (5xx, timeouts). */
    protected abstract void failNextRequests(int requests);

    protected abstract Connector connector();

    protected abstract Connector connectorWithBadCredentials();

    /**
     * A connector configured for {@link #missingScope()}, a scope the source does not have (a
     * repository or project that does not exist); null when the connector has no such notion.
     */
    protected Connector connectorWithMissingScope() {
        return null;
    }

    protected String missingScope() {
        return null;
    }

    @Test
    void extractsEveryRecordAcrossSeveralPages() {
        givenRecords(pageSize() * 2 + pageSize() / 2);

        RecordingSink sink = run(SyncMode.FULL, Map.of(), Map.of());

        assertThat(sink.externalIds()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expectedExternalIds());
        assertThat(sink.pages()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(sink.pages().subList(0, sink.pages().size() - 1)).noneMatch(Page::last);
        assertThat(sink.lastPage().last()).isTrue();
        assertThat(sink.pages()).allSatisfy(page -> assertThat(page.request().endpoint()).isNotBlank());
        assertThat(sink.committedCursor()).isNotEmpty();
    }

    @Test
    void incrementalRunReadsTheChangedRecordsAndFewOthers() {
        givenRecords(pageSize() * 2);
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();
        Set<String> changed = changeRecords(5);

        RecordingSink incremental = run(SyncMode.INCREMENTAL, cursor, Map.of());

        assertThat(incremental.externalIds()).containsAll(changed).hasSizeLessThan(pageSize());
        assertThat(incremental.committedCursor()).isNotEqualTo(cursor);
    }

    @Test
    void incrementalRunsAcrossTheCursorBoundaryLoseNothingAndRepeatNothing() {
        givenRecords(pageSize() * 2 + pageSize() / 2);
        RecordingSink first = run(SyncMode.INCREMENTAL, Map.of(), Map.of());
        Set<String> changedOnce = changeRecords(3);
        RecordingSink second = run(SyncMode.INCREMENTAL, first.committedCursor(), Map.of());
        Set<String> changedTwice = changeRecords(2);
        RecordingSink third = run(SyncMode.INCREMENTAL, second.committedCursor(), Map.of());

        assertThat(first.externalIds()).doesNotHaveDuplicates();
        assertThat(second.externalIds()).doesNotHaveDuplicates().containsAll(changedOnce);
        assertThat(third.externalIds()).doesNotHaveDuplicates().containsAll(changedTwice);
        Set<String> seen = new HashSet<>(first.externalIds());
        seen.addAll(second.externalIds());
        seen.addAll(third.externalIds());
        assertThat(seen).isEqualTo(expectedExternalIds());
    }

    @Test
    void incrementalRunWithoutChangesKeepsTheCursor() {
        givenRecords(pageSize());
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();

        RecordingSink again = run(SyncMode.INCREMENTAL, cursor, Map.of());

        assertThat(again.committedCursor()).isEqualTo(cursor);
    }

    @Test
    void fullRunIgnoresTheCursorAndReadsEverything() {
        givenRecords(pageSize());
        Map<String, String> cursor = run(SyncMode.INCREMENTAL, Map.of(), Map.of()).committedCursor();

        RecordingSink full = run(SyncMode.FULL, cursor, Map.of());

        assertThat(full.externalIds()).containsExactlyInAnyOrderElementsOf(expectedExternalIds());
    }

    @Test
    void resumesFromTheLastCommittedPageWithoutRereadingIt() {
        givenRecords(pageSize() * 2 + pageSize() / 2);
        RecordingSink interrupted = run(RecordingSink.stoppingAfter(1), SyncMode.FULL, Map.of(), Map.of());
        Page committed = interrupted.lastPage();

        RecordingSink resumed = run(SyncMode.FULL, Map.of(), committed.checkpoint());

        assertThat(interrupted.pages()).hasSize(1);
        assertThat(resumed.externalIds()).doesNotContainAnyElementsOf(interrupted.externalIds());
        Set<String> union = new HashSet<>(interrupted.externalIds());
        union.addAll(resumed.externalIds());
        assertThat(union).isEqualTo(expectedExternalIds());
    }

    @Test
    void recoversFromATransientSourceFailure() {
        givenRecords(pageSize() / 2);
        failNextRequests(1);

        assertThat(run(SyncMode.FULL, Map.of(), Map.of()).externalIds())
                .containsExactlyInAnyOrderElementsOf(expectedExternalIds());
    }

    @Test
    void reportsAPersistentSourceFailureAsRetriable() {
        givenRecords(pageSize() / 2);
        failNextRequests(50);

        assertThatThrownBy(() -> run(SyncMode.FULL, Map.of(), Map.of()))
                .isInstanceOf(RetriableConnectorException.class);
    }

    @Test
    void classifiesBadCredentialsAsPermanent() {
        givenRecords(1);

        try (Connector connector = connectorWithBadCredentials()) {
            assertThatThrownBy(() -> connector.extract(request(SyncMode.FULL, Map.of(), Map.of()), RecordingSink.all()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
            assertThat(connector.testConnection().outcome()).isEqualTo(ConnectionCheck.Outcome.BAD_CREDENTIALS);
        }
    }

    @Test
    void classifiesAMissingScopeAsPermanentAndTheConnectionTestSaysNotFound() {
        givenRecords(1);
        Connector missing = connectorWithMissingScope();
        Assumptions.assumeTrue(missing != null, "the connector has no scope that can be missing");

        try (missing) {
            assertThatThrownBy(() -> missing.extract(new ExtractRequest(entityType(), missingScope(), SyncMode.FULL,
                    Map.of(), Map.of(), Instant.now()), RecordingSink.all()))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retriable()).isFalse());
            assertThat(missing.testConnection().outcome()).isEqualTo(ConnectionCheck.Outcome.NOT_FOUND);
        }
    }

    @Test
    void passesTheConnectionTestWithGoodCredentials() {
        givenRecords(1);

        try (Connector connector = connector()) {
            assertThat(connector.testConnection().ok()).isTrue();
        }
    }

    @Test
    void rejectsAnEntityTypeItDoesNotExtract() {
        try (Connector connector = connector()) {
            assertThat(connector.entityTypes()).contains(entityType());
            assertThatThrownBy(() -> connector.extract(new ExtractRequest("no_such_entity", scope(), SyncMode.FULL,
                    Map.of(), Map.of(), Instant.now()), RecordingSink.all()))
                    .isInstanceOf(UnsupportedEntityException.class);
        }
    }

    protected RecordingSink run(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return run(RecordingSink.all(), mode, cursor, resumeFrom);
    }

    protected RecordingSink run(RecordingSink sink, SyncMode mode, Map<String, String> cursor,
            Map<String, String> resumeFrom) {
        try (Connector connector = connector()) {
            connector.extract(request(mode, cursor, resumeFrom), sink);
        }
        return sink;
    }

    protected ExtractRequest request(SyncMode mode, Map<String, String> cursor, Map<String, String> resumeFrom) {
        return new ExtractRequest(entityType(), scope(), mode, cursor, resumeFrom, Instant.now());
    }
}
