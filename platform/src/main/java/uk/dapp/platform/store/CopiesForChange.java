package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gives an update or find-and-modify copies of the documents it reads. The library's update changes
 * the document it read in place and then stores that same object; from the H2 backend that object is
 * the one the stored version holds, which a commit on another connection may be writing out at that
 * moment, and which other readers are meant to see unchanged until the update is stored. A commit
 * caught writing it failed with a ConcurrentModificationException, and H2 closes its store after such
 * a failure: the service's store then answered nothing until the service was restarted. Reads that
 * change nothing get the stored objects, uncopied.
 */
final class CopiesForChange {

    /** Set while this thread's update or find-and-modify runs (one may call the other). */
    private static final ThreadLocal<Boolean> CHANGING = ThreadLocal.withInitial(() -> false);

    private CopiesForChange() {}

    /** Runs the change with every document it reads copied. */
    static Document during(Supplier<Document> change) {
        boolean outermost = !CHANGING.get();
        CHANGING.set(true);
        try {
            return change.get();
        } finally {
            if (outermost) {
                CHANGING.set(false);
            }
        }
    }

    /** What a query found, copied when this thread is changing what it reads. */
    static QueryResult of(QueryResult found) {
        if (!CHANGING.get()) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, found.getCursorId());
    }
}
