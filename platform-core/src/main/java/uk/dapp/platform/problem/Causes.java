package uk.dapp.platform.problem;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks an error's cause chain, each error once: a chain that loops back on itself (an error that is
 * its own cause, or a longer loop a library built with {@code initCause}) ends the walk instead of
 * spinning a request thread forever.
 */
public final class Causes {

    private Causes() {}

    /** The first error in the chain, the error itself included, of this type; null if none. */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable found = first(error, type::isInstance);
        return found == null ? null : type.cast(found);
    }

    /** Whether any error in the chain, the error itself included, matches. */
    public static boolean any(Throwable error, Predicate<Throwable> matches) {
        return first(error, matches) != null;
    }

    private static Throwable first(Throwable error, Predicate<Throwable> matches) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (matches.test(t)) {
                return t;
            }
        }
        return null;
    }
}
