package uk.dapp.demo.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.web.client.RestClientResponseException;

/**
 * One phase of the load over its items (people, or the alerts they raised) on a bounded pool. Items are
 * independent of each other within a phase (each person's case is worked by one thread at a time), so
 * they run at once as a team's practitioners would; the results and the failures come back in the
 * items' order, whatever the interleaving. A failed item's result is empty and the others go on.
 */
final class Phase {

    private Phase() {}

    /** The items' results in their order (empty where an item failed or gave nothing), and the failures in the same order. */
    record Outcome<R>(List<Optional<R>> results, List<String> failures) {}

    static <T, R> Outcome<R> run(
            ExecutorService pool,
            List<T> items,
            Function<T, String> what,
            Function<T, R> action,
            Consumer<String> onFailure) {
        List<Future<Item<R>>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> attempt(what.apply(item), () -> action.apply(item), onFailure)));
        }
        List<Optional<R>> results = new ArrayList<>(items.size());
        List<String> failures = new ArrayList<>();
        for (Future<Item<R>> future : futures) {
            Item<R> done = join(future);
            results.add(done.result());
            done.failure().ifPresent(failures::add);
        }
        return new Outcome<>(results, failures);
    }

    private record Item<R>(Optional<R> result, Optional<String> failure) {}

    private static <R> Item<R> attempt(String what, java.util.function.Supplier<R> action, Consumer<String> onFailure) {
        try {
            return new Item<>(Optional.ofNullable(action.get()), Optional.empty());
        } catch (RuntimeException e) {
            String failure = what + ": "
                    + (e instanceof RestClientResponseException r
                            ? r.getStatusCode().value() + " " + r.getResponseBodyAsString()
                            : e.getMessage());
            onFailure.accept(failure);
            return new Item<>(Optional.empty(), Optional.of(failure));
        }
    }

    private static <R> Item<R> join(Future<Item<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } catch (ExecutionException e) {
            // attempt() catches every RuntimeException: only an Error gets here
            throw new IllegalStateException(e.getCause());
        }
    }
}
