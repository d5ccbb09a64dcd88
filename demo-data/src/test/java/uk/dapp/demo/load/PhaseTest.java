package uk.dapp.demo.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhaseTest {

    private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

    /** Every seventh item fails; the others take a time that makes later items finish first on many threads. */
    private static Phase.Outcome<String> run(
            int threads, ConcurrentLinkedQueue<String> reported, AtomicInteger atOnce, AtomicInteger mostAtOnce) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            return Phase.run(
                    pool,
                    ITEMS,
                    i -> "item " + i,
                    i -> {
                        mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                        try {
                            Gateway.sleep(java.time.Duration.ofMillis((200 - i) % 5));
                            if (i % 7 == 0) {
                                throw new IllegalStateException("refused " + i);
                            }
                            return i % 3 == 0 ? null : "done " + i;
                        } finally {
                            atOnce.decrementAndGet();
                        }
                    },
                    reported::add);
        }
    }

    @Test
    void resultsAndFailuresComeBackInTheItemsOrderWhateverTheThreads() {
        ConcurrentLinkedQueue<String> reportedAlone = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> reportedTogether = new ConcurrentLinkedQueue<>();
        AtomicInteger mostAlone = new AtomicInteger();
        AtomicInteger mostTogether = new AtomicInteger();
        Phase.Outcome<String> alone = run(1, reportedAlone, new AtomicInteger(), mostAlone);
        Phase.Outcome<String> together = run(8, reportedTogether, new AtomicInteger(), mostTogether);

        assertThat(mostAlone.get()).isEqualTo(1);
        assertThat(mostTogether.get()).as("items at once").isGreaterThan(1).isLessThanOrEqualTo(8);
        assertThat(together).isEqualTo(alone);
        assertThat(together.results()).hasSize(ITEMS.size());
        assertThat(together.results().get(1)).contains("done 1");
        assertThat(together.results().get(3)).isEmpty();
        assertThat(together.results().get(7)).isEmpty();
        assertThat(together.failures()).hasSize(29).first().isEqualTo("item 0: refused 0");
        assertThat(together.failures())
                .isSortedAccordingTo(
                        java.util.Comparator.comparingInt(f -> Integer.parseInt(f.substring(5, f.indexOf(':')))));
        // each failure is reported once, as it happens
        assertThat(reportedTogether).containsExactlyInAnyOrderElementsOf(together.failures());
        assertThat(List.copyOf(reportedAlone)).isEqualTo(alone.failures());
        assertThat(together.results().stream().filter(Optional::isPresent)).hasSize(200 - 29 - 67 + 10);
    }
}
