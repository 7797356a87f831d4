package io.etlfleet.extract.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScopeExtractionTest {

    @Test
    void runsUpToTheParallelismOfScopesAtOnce() {
        CountDownLatch allStarted = new CountDownLatch(3);
        Set<String> finished = ConcurrentHashMap.newKeySet();

        ScopeExtraction.runAll(List.of("a", "b", "c"), 3, () -> false, (scope, stop) -> {
            allStarted.countDown();
            try {
                // Only returns when all three run at the same time.
                assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            finished.add(scope);
        }, "test");

        assertThat(finished).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void neverRunsMoreScopesAtOnceThanTheParallelism() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();

        ScopeExtraction.runAll(List.of("a", "b", "c", "d", "e", "f"), 2, () -> false, (scope, stop) -> {
            highest.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(30);
            running.decrementAndGet();
        }, "test");

        assertThat(highest.get()).isEqualTo(2);
    }

    @Test
    void aFailingScopeStopsTheOthersAtTheirNextPageAndItsFailureIsRethrown() {
        AtomicInteger pagesOfTheHealthyScope = new AtomicInteger();

        assertThatThrownBy(() -> ScopeExtraction.runAll(List.of("healthy", "broken"), 2, () -> false, (scope, stop) -> {
            if (scope.equals("broken")) {
                sleep(50);
                throw new IllegalStateException("source answered 500");
            }
            while (!stop.getAsBoolean() && pagesOfTheHealthyScope.incrementAndGet() < 10_000) {
                sleep(5);
            }
        }, "test")).hasMessage("source answered 500");

        assertThat(pagesOfTheHealthyScope.get()).isLessThan(10_000);
    }

    @Test
    void aStopRequestedBeforeAScopeStartsSkipsIt() {
        Set<String> started = ConcurrentHashMap.newKeySet();

        ScopeExtraction.runAll(List.of("a", "b"), 1, () -> !started.isEmpty(), (scope, stop) -> started.add(scope), "test");

        assertThat(started).containsExactly("a");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
