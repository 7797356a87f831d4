package io.etlfleet.queue.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.consume.ConsumerSettings;
import io.etlfleet.queue.consume.DeliveryContext;
import io.etlfleet.queue.consume.FailureClassifier;
import io.etlfleet.queue.consume.JobConsumer;
import io.etlfleet.queue.consume.JobConsumers;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import io.etlfleet.queue.Jobs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

class DeadLettersIT {

    private static TestBroker broker;
    private static ConfirmedPublisher publisher;
    private static DeadLetters deadLetters;

    @BeforeAll
    static void declareTopology() {
        broker = TestBroker.withTopology();
        publisher = new ConfirmedPublisher(broker.connectionFactory());
        deadLetters = new DeadLetters(broker.connectionFactory(), publisher, TestBroker.TOPOLOGY);
    }

    @AfterAll
    static void deleteVhost() {
        broker.close();
    }

    @Test
    void peekDoesNotConsume() {
        List<ExtractJobMessage> jobs = deadLetterThree("etl.extract.github", "java.net.SocketTimeoutException");

        List<DeadLetter> first = deadLetters.peek("etl.extract.github.dlq", 10);
        List<DeadLetter> second = deadLetters.peek("etl.extract.github.dlq", 10);

        assertThat(first).extracting(DeadLetter::messageId)
                .containsExactly(jobs.stream().map(job -> job.jobId().toString()).toArray(String[]::new));
        assertThat(second).isEqualTo(first);
        assertThat(depth("etl.extract.github.dlq")).isEqualTo(3);
        DeadLetter letter = first.get(0);
        assertThat(letter.originQueue()).isEqualTo("etl.extract.github");
        assertThat(letter.errorClass()).isEqualTo("java.net.SocketTimeoutException");
        assertThat(letter.errorMessage()).isEqualTo("read timed out");
        assertThat(letter.stage()).isEqualTo("extract");
        assertThat(letter.attempts()).isEqualTo(5);
        assertThat(letter.workerId()).isEqualTo("extract-1");
        assertThat(letter.failedAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00Z"));
        assertThat(letter.body()).contains("\"job_id\":\"" + jobs.get(0).jobId());
        assertThat(deadLetters.peek("etl.extract.github.dlq", 2)).hasSize(2);
    }

    @Test
    void replayReturnsTheMessageToItsOriginQueueWhereAConsumerGetsItAsAFirstAttempt() throws InterruptedException {
        List<ExtractJobMessage> jobs = deadLetterThree("etl.extract.jira", "java.io.IOException");
        String replayed = jobs.get(1).jobId().toString();
        BlockingQueue<DeliveryContext> received = new LinkedBlockingQueue<>();
        JobConsumers consumers = new JobConsumers(broker.connectionFactory(), publisher, TestBroker.TOPOLOGY);
        try (JobConsumer consumer = consumers.create("etl.extract.jira", ExtractJobMessage.class,
                (job, context) -> received.add(context), FailureClassifier.retryUnlessMalformed(),
                ConsumerSettings.of("extract", "replay-it"))) {
            consumer.start();

            assertThat(deadLetters.replay("etl.extract.jira.dlq", replayed)).isTrue();

            DeliveryContext context = received.poll(10, TimeUnit.SECONDS);
            assertThat(context).isNotNull();
            assertThat(context.messageId()).isEqualTo(replayed);
            assertThat(context.attempt()).isEqualTo(1);
            assertThat(context.headers()).doesNotContainKeys(DeadLetterHeaders.ERROR_CLASS, DeadLetterHeaders.ORIGIN_QUEUE);
        }
        assertThat(deadLetters.peek("etl.extract.jira.dlq", 10)).extracting(DeadLetter::messageId)
                .containsExactly(jobs.get(0).jobId().toString(), jobs.get(2).jobId().toString());
        assertThat(deadLetters.replay("etl.extract.jira.dlq", "no-such-message")).isFalse();
    }

    @Test
    void discardRemovesOnlyThatMessage() {
        List<ExtractJobMessage> jobs = deadLetterThree("etl.extract.jdbc", "java.sql.SQLException");

        assertThat(deadLetters.discard("etl.extract.jdbc.dlq", jobs.get(0).jobId().toString())).isTrue();

        assertThat(deadLetters.peek("etl.extract.jdbc.dlq", 10)).extracting(DeadLetter::messageId)
                .containsExactly(jobs.get(1).jobId().toString(), jobs.get(2).jobId().toString());
        assertThat(deadLetters.find("etl.extract.jdbc.dlq", jobs.get(0).jobId().toString())).isEmpty();
        assertThat(deadLetters.discardAll("etl.extract.jdbc.dlq")).isEqualTo(2);
        assertThat(depth("etl.extract.jdbc.dlq")).isZero();
    }

    @Test
    void replayAllSendsEveryMessageBackToItsOriginQueue() {
        deadLetterThree("etl.transform.github", "java.lang.IllegalStateException");

        assertThat(deadLetters.replayAll("etl.transform.github.dlq")).isEqualTo(3);

        assertThat(depth("etl.transform.github.dlq")).isZero();
        assertThat(depth("etl.transform.github")).isEqualTo(3);
    }

    @Test
    void countsMessagesPerQueueAndErrorClass() {
        deadLetterThree("etl.transform.jira", "java.net.SocketTimeoutException");
        deadLetterThree("etl.transform.jira", "java.sql.SQLException");
        deadLetterThree("etl.transform.jdbc", "java.sql.SQLException");

        assertThat(deadLetters.countByErrorClass("etl.transform.jira.dlq")).isEqualTo(Map.of(
                "java.net.SocketTimeoutException", 3L, "java.sql.SQLException", 3L));
        assertThat(deadLetters.counts()).contains(
                new DeadLetterCount("etl.transform.jdbc.dlq", "java.sql.SQLException", 3));
        assertThat(depth("etl.transform.jira.dlq")).isEqualTo(6);
    }

    @Test
    void refusesQueuesThatAreNotDeadLetterQueuesOfTheFleet() {
        assertThatThrownBy(() -> deadLetters.peek("etl.extract.github", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a dead-letter queue");
    }

    /** Publishes three dead letters the way a consumer does after its last attempt. */
    private static List<ExtractJobMessage> deadLetterThree(String originQueue, String errorClass) {
        JobMessageCodec codec = new JobMessageCodec();
        List<ExtractJobMessage> jobs = List.of(Jobs.anExtractJob(), Jobs.anExtractJob(), Jobs.anExtractJob());
        for (ExtractJobMessage job : jobs) {
            publisher.publish(new OutgoingMessage("etl.dlx", originQueue, job.jobId().toString(), codec.encode(job),
                    Map.of(DeadLetterHeaders.ERROR_CLASS, errorClass,
                            DeadLetterHeaders.ERROR_MESSAGE, "read timed out",
                            DeadLetterHeaders.STAGE, "extract",
                            DeadLetterHeaders.ATTEMPTS, 5,
                            DeadLetterHeaders.WORKER, "extract-1",
                            DeadLetterHeaders.FAILED_AT, "2025-03-01T12:00:00Z",
                            DeadLetterHeaders.ORIGIN_QUEUE, originQueue)));
        }
        return jobs;
    }

    private static long depth(String queue) {
        QueueInformation info = new RabbitAdmin(broker.connectionFactory()).getQueueInfo(queue);
        return info.getMessageCount();
    }
}
