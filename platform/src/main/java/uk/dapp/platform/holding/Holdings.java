package uk.dapp.platform.holding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one service knows of another service's hold on a case: for each of the other service's
 * holding things (a referral, a partner track), whether it is held now and the sequence of the change
 * that said so. The case is held while at least one is. A change is taken only when its sequence is
 * newer than the one already known for that thing, so a message delivered twice, or a late copy of an
 * older change, cannot flip the state back (ADR 0009). Immutable: {@link #apply} answers the result.
 */
public final class Holdings {

    /** The last known state of one holding thing. */
    public record Mark(boolean held, long sequence) {}

    private final Map<String, Mark> marks;

    public Holdings(Map<String, Mark> marks) {
        this.marks = Map.copyOf(marks);
    }

    public static Holdings none() {
        return new Holdings(Map.of());
    }

    /** The holdings with the change applied, or empty when it is not newer than what is known (nothing to do). */
    public Optional<Holdings> apply(String key, boolean held, long sequence) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a holding needs a key");
        }
        Mark known = marks.get(key);
        if (known != null && known.sequence() >= sequence) {
            return Optional.empty();
        }
        Map<String, Mark> next = new LinkedHashMap<>(marks);
        next.put(key, new Mark(held, sequence));
        return Optional.of(new Holdings(next));
    }

    /** Whether anything is held on the case now. */
    public boolean holds() {
        return marks.values().stream().anyMatch(Mark::held);
    }

    public Map<String, Mark> marks() {
        return marks;
    }
}
