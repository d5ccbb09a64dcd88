package uk.dapp.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayTest {

    @Test
    void aRateLimitedRequestWaitsForRetryAfterWithinBounds() {
        assertThat(Gateway.retryAfterMillis("2")).isEqualTo(2000);
        assertThat(Gateway.retryAfterMillis("0")).isEqualTo(100);
        assertThat(Gateway.retryAfterMillis("3600")).isEqualTo(10_000);
        assertThat(Gateway.retryAfterMillis(null)).isEqualTo(1000);
        assertThat(Gateway.retryAfterMillis("Wed, 21 Oct 2026 07:28:00 GMT")).isEqualTo(1000);
    }
}
