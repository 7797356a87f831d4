package io.etlfleet.storage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.storage.Storage;
import io.etlfleet.testing.TestDatabase;
import io.etlfleet.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class OutboxRelayIT {

    private static TestDatabase database;
    private static Jdbi jdbi;
    private final OutboxStore store = new OutboxStore();
    private final List<String> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = TestServices.postgres().createDatabase("outbox");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        jdbi = Storage.jdbi(dataSource);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyOutbox() {
        jdbi.useHandle(h -> h.execute("delete from etl.outbox"));
    }

    private void add(String messageId) {
        jdbi.useTransaction(h -> store.add(h, OutboxMessage.of("etl.transform", "github", messageId,
                ("{\"job_id\":\"" + messageId + "\"}").getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void publishesCommittedMessagesOnceInOrder() throws Exception {
        add("m1");
        add("m2");
        OutboxRelay relay = new OutboxRelay(jdbi, batch -> batch.forEach(m -> published.add(m.messageId())), Duration.ofHours(1));

        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(relay.relayPending()).isZero();
        assertThat(published).containsExactly("m1", "m2");
    }

    @Test
    void keepsMessagesWhenThePublisherFails() throws Exception {
        add("m3");
        OutboxRelay failing = new OutboxRelay(jdbi, batch -> {
            throw new IllegalStateException("broker unreachable");
        }, Duration.ofHours(1));

        assertThatThrownBy(failing::relayPending).hasMessageContaining("broker unreachable");
        long pending = jdbi.withHandle(store::pendingCount);
        assertThat(pending).isEqualTo(1L);

        OutboxRelay working = new OutboxRelay(jdbi, batch -> batch.forEach(m -> published.add(m.messageId())), Duration.ofHours(1));
        assertThat(working.relayPending()).isEqualTo(1);
        assertThat(published).containsExactly("m3");
    }

    @Test
    void anUncommittedMessageIsNeverPublished() throws Exception {
        OutboxRelay relay = new OutboxRelay(jdbi, batch -> batch.forEach(m -> published.add(m.messageId())), Duration.ofHours(1));
        jdbi.useTransaction(h -> {
            store.add(h, OutboxMessage.of("etl.transform", "github", "uncommitted", new byte[] {'{', '}'}));
            // Another thread, as the relay's own: it must not see the open transaction's row.
            int seen = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return relay.relayPending();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).join();
            assertThat(seen).isZero();
            h.rollback();
        });
        assertThat(relay.relayPending()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void theBackgroundRelayPublishesSoonAfterAWake() {
        OutboxRelay relay = new OutboxRelay(jdbi, batch -> batch.forEach(m -> published.add(m.messageId())), Duration.ofHours(1));
        relay.start();
        try {
            add("m4");
            relay.wake();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> published.contains("m4"));
        } finally {
            relay.close();
        }
    }
}
