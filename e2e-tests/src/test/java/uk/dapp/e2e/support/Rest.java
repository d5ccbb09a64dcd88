package uk.dapp.e2e.support;

import org.springframework.web.client.RestClient;
import uk.dapp.demo.load.Gateway;

/**
 * The one HTTP client under every generated client the tests point at the gateway. Like any
 * well-behaved client it waits on a 429 for its Retry-After and asks again, so a test that follows
 * a heavy one (the demo population drains the demo users' rate-limit buckets) is not refused.
 */
public final class Rest {

    public static final RestClient CLIENT = uk.dapp.client.riskmatrix.ApiClient.buildRestClientBuilder()
            .requestInterceptor(Gateway.waitOnRateLimit())
            .build();

    private Rest() {}
}
