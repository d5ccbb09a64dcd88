package uk.dapp.platform.calls;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.platform.web.CorrelationIdFilter;

/**
 * Every call one service makes to another goes through here: the service account's token and the
 * correlation ID on the request, then per destination a time limit, a circuit breaker and, only for
 * requests that are safe to repeat, retries with exponential backoff. Metrics for all three are
 * published under Resilience4j's usual names ({@code resilience4j.circuitbreaker.*} and so on).
 * <p>
 * Outcomes: the call's value; {@link CallRejectedException} for a 4xx other than 401, 408 and 429
 * (repeating cannot help; the breaker does not count it); {@link CircuitOpenException} when the
 * breaker is open (the call was not made); anything else is a failure the caller may try later.
 */
public final class ServiceCalls {

    /** Whether a request may be sent again after a failure whose effect is unknown. */
    public enum Safety {
        /** reads */
        SAFE,
        /** writes keyed by an idempotency key the receiver honours (e.g. PUT of a message ID) */
        IDEMPOTENT,
        /** anything else: sent at most once per call */
        NOT_IDEMPOTENT
    }

    /** Limits, shared by every destination; configured under {@code dapp.calls}. */
    public record Limits(
            Duration timeout,
            int attempts,
            Duration firstBackoff,
            int breakerWindow,
            float breakerFailureRate,
            Duration breakerOpenFor) {}

    private final Map<String, String> baseUrls;
    private final ServiceAccount account;
    private final Limits limits;
    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final TimeLimiterRegistry timeLimiters;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;
    private final Supplier<RestClient.Builder> builders;
    private final ContextSnapshotFactory contexts =
            ContextSnapshotFactory.builder().build();

    /**
     * @param builders a new builder for each client: Spring Boot's auto-configured one, so that each call is
     *                 observed (its span, and the {@code traceparent} header that continues the trace)
     */
    public ServiceCalls(
            Map<String, String> baseUrls,
            ServiceAccount account,
            Limits limits,
            MeterRegistry meters,
            Supplier<RestClient.Builder> builders) {
        this.baseUrls = Map.copyOf(baseUrls);
        this.account = account;
        this.builders = builders;
        this.limits = limits;
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(limits.breakerWindow())
                .minimumNumberOfCalls(limits.breakerWindow())
                .failureRateThreshold(limits.breakerFailureRate())
                .waitDurationInOpenState(limits.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .ignoreExceptions(CallRejectedException.class)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(limits.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(limits.firstBackoff(), 2.0))
                .retryOnException(ServiceCalls::worthRepeating)
                .build());
        this.timeLimiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(limits.timeout())
                .cancelRunningFuture(true)
                .build());
        this.http = HttpClient.newBuilder().connectTimeout(limits.timeout()).build();
        // one of each per destination up front, so their meters (breaker state above all) exist before the first call
        this.baseUrls.keySet().forEach(destination -> {
            breakers.circuitBreaker(destination);
            retries.retry(destination);
            timeLimiters.timeLimiter(destination);
        });
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
            TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(timeLimiters).bindTo(meters);
        }
    }

    public String baseUrl(String destination) {
        String url = baseUrls.get(destination);
        if (url == null) {
            throw new IllegalStateException(
                    "no URL configured for " + destination + " (dapp.services." + destination + ".url)");
        }
        return url;
    }

    /** A new builder for a generated client's calls to another service, {@link #prepare prepared}. */
    public RestClient.Builder builder() {
        return prepare(builders.get());
    }

    /**
     * Fits a generated client's {@link RestClient.Builder} for calls to another service: its
     * service account token, the correlation ID, and a socket-level timeout behind the time limit.
     */
    public RestClient.Builder prepare(RestClient.Builder builder) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http, executor);
        factory.setReadTimeout(limits.timeout().plusSeconds(1));
        // the account's token first (a receiver's 401 makes it forget the token), then the correlation ID
        return builder.requestFactory(factory)
                .requestInterceptor(account.interceptor())
                .requestInterceptor((request, body, execution) -> {
                    String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
                    if (correlationId != null) {
                        request.getHeaders().set(CorrelationIdFilter.HEADER, correlationId);
                    }
                    request.getHeaders().set(HttpHeaders.ACCEPT, "application/json, application/problem+json");
                    return execution.execute(request, body);
                });
    }

    public <T> T call(String destination, Safety safety, Callable<T> call) throws Exception {
        CircuitBreaker breaker = breakers.circuitBreaker(destination);
        TimeLimiter timeLimiter = timeLimiters.timeLimiter(destination);
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        // the call runs on another thread (for the time limit): the current observation, and so the trace, goes with it
        ContextSnapshot context = contexts.captureAll();
        Callable<T> limited = () -> timeLimiter.executeFutureSupplier(() -> executor.submit(context.wrap(() -> {
            if (correlationId != null) {
                MDC.put(CorrelationIdFilter.MDC_KEY, correlationId);
            }
            try {
                return classified(destination, call);
            } finally {
                MDC.remove(CorrelationIdFilter.MDC_KEY);
            }
        })));
        Callable<T> guarded = () -> {
            try {
                return breaker.executeCallable(limited);
            } catch (CallNotPermittedException open) {
                throw new CircuitOpenException(destination);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        };
        if (safety == Safety.NOT_IDEMPOTENT) {
            return guarded.call();
        }
        return retries.retry(destination).executeCallable(guarded);
    }

    public CircuitBreaker.State breakerState(String destination) {
        return breakers.circuitBreaker(destination).getState();
    }

    private <T> T classified(String destination, Callable<T> call) throws Exception {
        try {
            return call.call();
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.is4xxClientError() && status.value() != 401 && status.value() != 408 && status.value() != 429) {
                throw new CallRejectedException(
                        destination, status.value(), RefusalReason.of(e.getResponseBodyAsString()));
            }
            throw new CallFailedException(destination, "HTTP " + status.value());
        }
    }

    private static boolean worthRepeating(Throwable failure) {
        return !(failure instanceof CallRejectedException) && !(failure instanceof CircuitOpenException);
    }

    /** A failure that says nothing of what the receiver did: the request may be tried again later. */
    public static final class CallFailedException extends RuntimeException {
        public CallFailedException(String destination, String what) {
            super(destination + " failed: " + what);
        }
    }
}
