package uk.dapp.gateway.caseview;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.gateway.case-view.*}: how long each part of the composed view (and of the subject
 * access export) may take, and when a service's circuit breaker opens (one breaker per service and
 * kind of part, shared by every caller of this replica).
 *
 * @param timeout each part's time limit, connection included; the view answers within it plus a small margin
 * @param exportTimeout each part's time limit in the subject access export, a whole record rather than a summary
 * @param failureRateThreshold percentage of failed calls (5xx, timeouts, unreachable, broken answers) that opens it
 * @param slidingWindowSize the last this many calls are judged
 * @param minimumNumberOfCalls no judgement before this many calls
 * @param waitInOpenState how long an open breaker answers UNAVAILABLE without calling
 * @param permittedCallsInHalfOpen trial calls after the wait; their outcome closes or reopens it
 */
@ConfigurationProperties("dapp.gateway.case-view")
public record CaseViewProperties(
        Duration timeout,
        Duration exportTimeout,
        Integer failureRateThreshold,
        Integer slidingWindowSize,
        Integer minimumNumberOfCalls,
        Duration waitInOpenState,
        Integer permittedCallsInHalfOpen) {

    public CaseViewProperties {
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        exportTimeout = exportTimeout == null ? Duration.ofSeconds(10) : exportTimeout;
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
        minimumNumberOfCalls = minimumNumberOfCalls == null ? 5 : minimumNumberOfCalls;
        waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
        permittedCallsInHalfOpen = permittedCallsInHalfOpen == null ? 2 : permittedCallsInHalfOpen;
        if (timeout.isNegative() || timeout.isZero() || exportTimeout.isNegative() || exportTimeout.isZero()) {
            throw new IllegalArgumentException("dapp.gateway.case-view.timeout and .export-timeout must be positive");
        }
    }
}
