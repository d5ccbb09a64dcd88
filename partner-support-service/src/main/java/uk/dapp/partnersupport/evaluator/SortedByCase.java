package uk.dapp.partnersupport.evaluator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Documents read in ascending case-ID order, handed out a case at a time while the tracks pass in
 * the same order: the export merges sorted reads instead of asking the store about every row.
 * Documents of cases the tracks skip (none opened by the snapshot) are passed over; memory holds one
 * case's documents at a time.
 */
final class SortedByCase<T> {

    private final Iterator<T> documents;
    private final Function<T, String> caseOf;
    private @Nullable T pending;

    SortedByCase(Iterator<T> documents, Function<T, String> caseOf) {
        this.documents = documents;
        this.caseOf = caseOf;
        this.pending = nextOrNull();
    }

    /** The documents of the case; each call must name a case after the previous call's. */
    List<T> of(String caseId) {
        while (pending != null && caseOf.apply(pending).compareTo(caseId) < 0) {
            pending = nextOrNull();
        }
        List<T> found = new ArrayList<>();
        while (pending != null && caseOf.apply(pending).equals(caseId)) {
            found.add(pending);
            pending = nextOrNull();
        }
        return found;
    }

    private @Nullable T nextOrNull() {
        return documents.hasNext() ? documents.next() : null;
    }
}
