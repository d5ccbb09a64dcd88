package uk.dapp.gateway.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/**
 * Issue 13: the KPI answer was sent, then the worker that had delivered it was interrupted (Reactor
 * cancels a bounded-elastic task with an interrupt when the subscriber cancels, and a reply's
 * subscriber cancels once it has the value) and the interrupt was logged as unhandled. The outcome
 * work's own pool is never interrupted by a cancel, and it is bounded.
 */
class OutcomeWorkTest {

    @Test
    void aCancelAfterTheValueDoesNotInterruptTheWorkerStillDeliveringIt() throws Exception {
        try (OutcomeWork work = new OutcomeWork(2, 2)) {
            CountDownLatch delivering = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicBoolean interrupted = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            Disposable subscription = work.call(() -> "the report")
                    .doOnNext(report -> {
                        delivering.countDown();
                        try {
                            cancelled.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            interrupted.set(true);
                        }
                        interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                        done.countDown();
                    })
                    .subscribe();
            assertThat(delivering.await(5, TimeUnit.SECONDS)).isTrue();
            subscription.dispose(); // from another thread, while the worker is still in onNext
            cancelled.countDown();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(interrupted).as("the worker was interrupted").isFalse();
        }
    }

    @Test
    void beyondItsWorkersAndQueueWorkIsRefused() throws Exception {
        try (OutcomeWork work = new OutcomeWork(1, 1)) {
            CountDownLatch release = new CountDownLatch(1);
            Disposable running =
                    work.call(() -> release.await(5, TimeUnit.SECONDS)).subscribe();
            Disposable queued = work.call(() -> true).subscribe();
            assertThatThrownBy(() -> work.call(() -> true).block(Duration.ofSeconds(5)))
                    .hasCauseInstanceOf(RejectedExecutionException.class);
            release.countDown();
            running.dispose();
            queued.dispose();
        }
    }
}
