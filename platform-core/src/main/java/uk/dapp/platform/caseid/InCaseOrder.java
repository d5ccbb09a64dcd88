package uk.dapp.platform.caseid;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A read ascending by case ID, taken a case at a time while another read passes the cases in the
 * same order: an export merges sorted reads this way instead of asking the store about every row.
 * The documents of a case nobody asks for are passed over, and memory holds one case's documents
 * at a time. A read that goes back in case order fails rather than leave documents out unseen.
 *
 * @param <T> what is read
 */
public final class InCaseOrder<T> {

    private final String what;
    private final Iterator<T> documents;
    private final Function<T, @Nullable String> caseOf;
    private @Nullable T pending;
    private @Nullable String lastCase;

    /**
     * @param what the documents' name, for the error when they arrive out of order
     * @param documents read ascending by case ID
     * @param caseOf a document's case ID (a document without one sorts first, as no case's)
     */
    public InCaseOrder(String what, Iterator<T> documents, Function<T, @Nullable String> caseOf) {
        this.what = what;
        this.documents = documents;
        this.caseOf = caseOf;
    }

    /** The case's documents, in the read's order; none when it has none. Each call names a later case. */
    public List<T> of(String caseId) {
        List<T> found = List.of();
        while (pending != null || documents.hasNext()) {
            T current = pending;
            if (current == null) {
                current = documents.next();
                pending = current;
                String read = caseOf.apply(current);
                if (read != null && lastCase != null && read.compareTo(lastCase) < 0) {
                    throw new IllegalStateException("The " + what + " were read out of case order");
                }
                lastCase = read == null ? lastCase : read;
            }
            String at = caseOf.apply(current);
            int order = at == null ? -1 : at.compareTo(caseId);
            if (order > 0) {
                break;
            }
            if (order == 0) {
                if (found.isEmpty()) {
                    found = new ArrayList<>(4);
                }
                found.add(current);
            }
            pending = null;
        }
        return found;
    }
}
