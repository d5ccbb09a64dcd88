package uk.dapp.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CausesTest {

    @Test
    void theFirstCauseOfTheTypeIsFoundTheErrorItselfIncluded() {
        IOException io = new IOException("disk");
        RuntimeException wrapped = new IllegalStateException(new UncheckedIOException(io));
        assertThat(Causes.find(wrapped, IOException.class)).isSameAs(io);
        assertThat(Causes.find(wrapped, IllegalStateException.class)).isSameAs(wrapped);
        assertThat(Causes.find(wrapped, TimeoutException.class)).isNull();
        assertThat(Causes.find(null, IOException.class)).isNull();
        assertThat(Causes.any(wrapped, t -> t instanceof UncheckedIOException)).isTrue();
        assertThat(Causes.any(wrapped, t -> t instanceof TimeoutException)).isFalse();
    }

    @Test
    @Timeout(5)
    void aChainThatLoopsBackEndsTheWalk() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second); // first -> second -> first: initCause refuses only an error as its own cause
        assertThat(Causes.find(first, IOException.class)).isNull();
        assertThat(Causes.any(second, t -> t == first)).isTrue();
    }
}
