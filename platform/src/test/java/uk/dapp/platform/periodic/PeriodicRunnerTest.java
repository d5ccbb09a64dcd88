package uk.dapp.platform.periodic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicRunnerTest {

    /** Counts its checks; the first {@code failures} throw, as a check does when the store is down. */
    private static final class Counting extends PeriodicRunner {
        final AtomicInteger checks = new AtomicInteger();
        final CountDownLatch enough;
        final int failures;

        Counting(Duration firstAfter, int failures, int enough) {
            super("test-periodic", firstAfter, Duration.ofMillis(5));
            this.failures = failures;
            this.enough = new CountDownLatch(enough);
        }

        @Override
        protected void check() {
            int n = checks.incrementAndGet();
            enough.countDown();
            if (n <= failures) {
                throw new IllegalStateException("the store is down");
            }
        }
    }

    @Test
    void itChecksAgainAndAgainFromStartToStop() throws Exception {
        Counting runner = new Counting(Duration.ZERO, 0, 3);
        assertThat(runner.isRunning()).isFalse();
        runner.start();
        assertThat(runner.isRunning()).isTrue();
        assertThat(runner.enough.await(10, TimeUnit.SECONDS)).as("three checks").isTrue();
        runner.stop();
        assertThat(runner.isRunning()).isFalse();
        int stoppedAt = runner.checks.get();
        Thread.sleep(50);
        assertThat(runner.checks.get()).as("no check after stop").isLessThanOrEqualTo(stoppedAt + 1);
    }

    @Test
    void aFailedCheckIsFollowedByTheNextOne() throws Exception {
        Counting runner = new Counting(Duration.ZERO, 2, 4);
        runner.start();
        try {
            assertThat(runner.enough.await(10, TimeUnit.SECONDS))
                    .as("checks go on after two failed")
                    .isTrue();
        } finally {
            runner.stop();
        }
    }

    @Test
    void theFirstCheckWaitsItsDelay() throws Exception {
        Counting runner = new Counting(Duration.ofHours(1), 0, 1);
        runner.start();
        try {
            assertThat(runner.enough.await(100, TimeUnit.MILLISECONDS))
                    .as("nothing before the first delay")
                    .isFalse();
            assertThat(runner.checks.get()).isZero();
        } finally {
            runner.stop();
        }
    }

    @Test
    void aSecondStartLeavesNoScheduleRunningAfterStop() throws Exception {
        Counting runner = new Counting(Duration.ZERO, 0, 2);
        runner.start();
        runner.start();
        assertThat(runner.enough.await(10, TimeUnit.SECONDS)).isTrue();
        runner.stop();
        Thread.sleep(20);
        int stoppedAt = runner.checks.get();
        Thread.sleep(50);
        assertThat(runner.checks.get()).as("no schedule left running").isEqualTo(stoppedAt);
    }

    @Test
    void aNegativePeriodIsRefused() {
        assertThatThrownBy(() -> new PeriodicRunner("bad", Duration.ZERO, Duration.ofSeconds(-1)) {
                    @Override
                    protected void check() {}
                })
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroPeriodTurnsTheRunnerOff() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        PeriodicRunner zero = new PeriodicRunner("off", Duration.ZERO, Duration.ZERO) {
            @Override
            protected void check() {
                checks.incrementAndGet();
            }
        };
        zero.start();
        assertThat(zero.isRunning()).isFalse();
        Thread.sleep(50);
        assertThat(checks.get()).isZero();
        zero.stop();
    }

    @Test
    void stoppingLetsTheCheckUnderWayFinishThenCallsAfterStop() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger finishedBeforeAfterStop = new AtomicInteger(-1);
        PeriodicRunner slow = new PeriodicRunner("slow", Duration.ZERO, Duration.ofMillis(5)) {
            @Override
            protected void check() {
                checking.countDown();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                finished.incrementAndGet();
            }

            @Override
            protected void afterStop() {
                finishedBeforeAfterStop.set(finished.get());
            }
        };
        slow.start();
        assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
        slow.stop();
        assertThat(finishedBeforeAfterStop.get())
                .as("the check under way finished, not interrupted, before afterStop")
                .isEqualTo(1);
        assertThat(slow.isRunning()).isFalse();
    }
}
