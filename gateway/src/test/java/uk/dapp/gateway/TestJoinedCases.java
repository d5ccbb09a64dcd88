package uk.dapp.gateway;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.gateway.outcomes.JoinedCaseSource;

/**
 * A test double of the joined contributions: serves the cases a test gives it (none by default) or
 * fails as told, and remembers how it was asked (snapshot, token, thread) and whether the stream
 * was closed.
 */
public class TestJoinedCases implements JoinedCaseSource {

    private volatile List<JoinedCase> cases = List.of();
    private volatile RuntimeException failure;
    volatile OffsetDateTime askedAsOf;
    volatile String askedToken;
    volatile String askedOnThread;
    final AtomicInteger closed = new AtomicInteger();

    void serve(List<JoinedCase> served) {
        this.cases = List.copyOf(served);
        this.failure = null;
    }

    void failWith(RuntimeException error) {
        this.failure = error;
    }

    void reset() {
        serve(List.of());
        askedAsOf = null;
        askedToken = null;
        askedOnThread = null;
        closed.set(0);
    }

    @Override
    public Stream<JoinedCase> cases(OffsetDateTime asOf, String bearerToken) {
        askedAsOf = asOf;
        askedToken = bearerToken;
        askedOnThread = Thread.currentThread().getName();
        if (failure != null) {
            throw failure;
        }
        return cases.stream().onClose(closed::incrementAndGet);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestJoinedCases testJoinedCases() {
            return new TestJoinedCases();
        }
    }
}
