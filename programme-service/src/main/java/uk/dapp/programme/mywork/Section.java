package uk.dapp.programme.mywork;

import java.util.List;
import java.util.function.Predicate;

/** One list of "my work": how many in all, how many overdue, and the first few, in the order given. */
public record Section<T>(int total, int overdue, List<T> items) {

    static <T> Section<T> of(List<T> sorted, Predicate<T> overdue, int limit) {
        return new Section<>(
                sorted.size(),
                (int) sorted.stream().filter(overdue).count(),
                sorted.stream().limit(limit).toList());
    }

    static <T> Section<T> of(List<T> sorted, int limit) {
        return of(sorted, item -> false, limit);
    }
}
