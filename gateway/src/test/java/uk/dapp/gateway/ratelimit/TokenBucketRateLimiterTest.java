package uk.dapp.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final NanoClock clock = nanos::get;

    private TokenBucketRateLimiter limiter(int capacity, double refillPerSecond, int maxUsers) {
        return new TokenBucketRateLimiter(
                new RateLimitProperties(capacity, refillPerSecond, maxUsers, null, null), clock);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void allowsABurstOfTheCapacityThenRefuses() {
        TokenBucketRateLimiter limiter = limiter(3, 1, 10);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("u1").allowed())
                    .as("request %d", i + 1)
                    .isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("u1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheCapacityOnly() {
        TokenBucketRateLimiter limiter = limiter(2, 4, 10); // a token every 250 ms
        limiter.tryAcquire("u1");
        limiter.tryAcquire("u1");
        assertThat(limiter.tryAcquire("u1").allowed()).isFalse();

        advance(Duration.ofMillis(249));
        assertThat(limiter.tryAcquire("u1").allowed()).isFalse();
        advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();

        advance(Duration.ofHours(1)); // a long pause earns no more than a full bucket
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u1").allowed()).isFalse();
    }

    @Test
    void saysHowLongUntilTheNextToken() {
        TokenBucketRateLimiter limiter = limiter(1, 0.4, 10); // a token every 2.5 s
        limiter.tryAcquire("u1");

        assertThat(limiter.tryAcquire("u1").retryAfter()).isEqualTo(Duration.ofMillis(2500));
        advance(Duration.ofMillis(1000));
        assertThat(limiter.tryAcquire("u1").retryAfter()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void refusedRequestsDoNotSpendTokens() {
        TokenBucketRateLimiter limiter = limiter(1, 1, 10);
        limiter.tryAcquire("u1");
        for (int i = 0; i < 50; i++) {
            limiter.tryAcquire("u1");
        }
        advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();
    }

    @Test
    void eachUserHasTheirOwnBucket() {
        TokenBucketRateLimiter limiter = limiter(1, 1, 10);
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("u1").allowed()).isFalse();
        assertThat(limiter.tryAcquire("u2").allowed()).isTrue();
    }

    @Test
    void dropsOnlyBucketsThatHaveRefilledSoForgettingChangesNoAnswer() {
        TokenBucketRateLimiter limiter = limiter(2, 1, 1000); // empty to full in 2 s: a sweep at most every 2 s
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("idle-" + i);
        }
        advance(Duration.ofMillis(1500));
        limiter.tryAcquire("busy");
        limiter.tryAcquire("busy");
        assertThat(limiter.trackedUsers()).isEqualTo(101);

        advance(Duration.ofMillis(500)); // the sweep is due: the idle buckets are full, "busy" holds half a token
        limiter.tryAcquire("newcomer");

        assertThat(limiter.trackedUsers()).isEqualTo(2);
        RateLimiter.Decision busy = limiter.tryAcquire("busy");
        assertThat(busy.allowed()).isFalse();
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.tryAcquire("idle-7").allowed()).isTrue(); // starts full, as it would have been
    }

    @Test
    void refusesANewUserWhenEverySlotHoldsAnActiveUser() {
        TokenBucketRateLimiter limiter = limiter(5, 1, 3);
        limiter.tryAcquire("u1");
        limiter.tryAcquire("u2");
        limiter.tryAcquire("u3");

        assertThatThrownBy(() -> limiter.tryAcquire("u4"))
                .isInstanceOf(TokenBucketRateLimiter.TooManyUsersException.class);
        // the users already tracked carry on
        assertThat(limiter.tryAcquire("u1").allowed()).isTrue();

        advance(Duration.ofSeconds(5)); // everyone's bucket is full again: their slots are free
        assertThat(limiter.tryAcquire("u4").allowed()).isTrue();
    }

    @Test
    void refusesToDecideWithoutAUser() {
        TokenBucketRateLimiter limiter = limiter(5, 1, 3);
        assertThatThrownBy(() -> limiter.tryAcquire(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new RateLimitProperties(0, 1.0, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitProperties(1, 0.0, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateLimitProperties(null, null, null, null, null))
                .isEqualTo(new RateLimitProperties(200, 10.0, 100_000, null, null));
    }
}
