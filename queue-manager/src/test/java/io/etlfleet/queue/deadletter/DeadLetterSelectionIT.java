package io.etlfleet.queue.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etlfleet.queue.Jobs;
import io.etlfleet.queue.TestBroker;
import io.etlfleet.queue.messages.ExtractJobMessage;
import io.etlfleet.queue.messages.JobMessageCodec;
import io.etlfleet.queue.publish.ConfirmedPublisher;
import io.etlfleet.queue.publish.OutgoingMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

class DeadLetterSelectionIT {

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
    void replaysOnlyTheSelectedMessagesTellingTheListenerOfEachFirst() {
        List<String> timeouts = deadLetter("etl.extract.github", "java.net.SocketTimeoutException", 3);
        List<String> sql = deadLetter("etl.extract.github", "java.sql.SQLException", 2);
        List<String> heard = new ArrayList<>();

        int replayed = deadLetters.replayMatching("etl.extract.github.dlq",
                letter -> letter.errorClass().equals("java.sql.SQLException"),
                letter -> heard.add(letter.messageId()));

        assertThat(replayed).isEqualTo(2);
        assertThat(heard).containsExactlyElementsOf(sql);
        assertThat(depth("etl.extract.github")).isEqualTo(2);
        assertThat(deadLetters.peek("etl.extract.github.dlq", 10)).extracting(DeadLetter::messageId)
                .containsExactlyElementsOf(timeouts);
    }

    @Test
    void aListenerThatRefusesLeavesTheMessageInTheQueue() {
        List<String> ids = deadLetter("etl.extract.jira", "java.io.IOException", 1);

        assertThatThrownBy(() -> deadLetters.replayMatching("etl.extract.jira.dlq", letter -> true, letter -> {
            throw new IllegalStateException("job record not updatable");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deadLetters.peek("etl.extract.jira.dlq", 10)).extracting(DeadLetter::messageId)
                .containsExactlyElementsOf(ids);
        assertThat(depth("etl.extract.jira")).isZero();
    }

    @Test
    void discardsOnlyTheSelectedMessages() {
        List<String> ids = deadLetter("etl.transform.jdbc", "java.sql.SQLException", 4);
        Set<String> doomed = Set.of(ids.get(0), ids.get(2));

        assertThat(deadLetters.discardMatching("etl.transform.jdbc.dlq", letter -> doomed.contains(letter.messageId())))
                .isEqualTo(2);

        assertThat(deadLetters.peek("etl.transform.jdbc.dlq", 10)).extracting(DeadLetter::messageId)
                .containsExactly(ids.get(1), ids.get(3));
    }

    private static List<String> deadLetter(String originQueue, String errorClass, int count) {
        JobMessageCodec codec = new JobMessageCodec();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ExtractJobMessage job = Jobs.anExtractJob();
            ids.add(job.jobId().toString());
            publisher.publish(new OutgoingMessage("etl.dlx", originQueue, job.jobId().toString(), codec.encode(job),
                    Map.of(DeadLetterHeaders.ERROR_CLASS, errorClass, DeadLetterHeaders.ERROR_MESSAGE, "failed",
                            DeadLetterHeaders.STAGE, "extract", DeadLetterHeaders.ATTEMPTS, 5,
                            DeadLetterHeaders.ORIGIN_QUEUE, originQueue)));
        }
        return ids;
    }

    private static long depth(String queue) {
        return new RabbitAdmin(broker.connectionFactory()).getQueueInfo(queue).getMessageCount();
    }
}
