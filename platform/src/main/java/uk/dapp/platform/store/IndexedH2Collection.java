package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, with three changes to how queries find documents (results are
 * unchanged): a sorted query with a limit whose sort an index serves reads the index in that
 * order and stops once it holds the page ({@link OrderedWalk}); a query that an index narrows reads
 * only the documents the index points at ({@link IndexPlanner}), in the collection's natural order
 * as a scan would return them; and an unsorted scan asked for in batches ({@code batchSize > 0}, as
 * a driver's cursor does) reads one batch at a time ({@link ScanCursor}) instead of gathering every
 * match first.
 */
final class IndexedH2Collection extends H2Collection {

    /** Pages served by walking an index in sort order, in this JVM (the property test shows it takes them). */
    static final java.util.concurrent.atomic.AtomicLong PAGES_WALKED = new java.util.concurrent.atomic.AtomicLong();

    /** Sorted queries without a limit answered by walking an index a batch at a time, in this JVM. */
    static final java.util.concurrent.atomic.AtomicLong STREAMS_WALKED = new java.util.concurrent.atomic.AtomicLong();

    private final MVMap<Object, Document> documents;

    IndexedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> documents,
            MVMap<String, Object> meta,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.documents = documents;
    }

    /** Updates read copies, never the stored versions' objects ({@link CopiesForChange}). */
    @Override
    public Document updateDocuments(
            Document selector,
            Document update,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        return CopiesForChange.during(
                () -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public Document findAndModify(Document query) {
        return CopiesForChange.during(() -> super.findAndModify(query));
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        return CopiesForChange.of(findDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }

    private QueryResult findDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        IndexPlanner.Plan plan = query.isEmpty() ? null : IndexPlanner.choose(query, getIndexes(), count());
        if (limit > 0) {
            List<Object> page = firstInSortOrder(query, orderBy, plan, (long) numberToSkip + limit);
            if (page != null) {
                return matchDocuments(query, page, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        if (limit == 0) {
            QueryResult walked = inIndexOrder(query, orderBy, plan, numberToSkip, batchSize, fieldSelector);
            if (walked != null) {
                return walked;
            }
        }
        if (plan != null) {
            List<Object> positions = inNaturalOrder(plan, isNaturalDescending(orderBy));
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (batchSize > 0 && deriveComparator(orderBy) == null && !isNaturalDescending(orderBy)) {
            return ScanCursor.open(
                    this, documents, query, numberToSkip, limit, batchSize, fieldSelector, cursorRegistry);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * A sorted query without a limit answered by a cursor that walks an index in the sort's order a
     * batch at a time ({@link IndexOrderCursor}), so the server never holds the whole sorted result;
     * or null when no index serves the sort's first field for a walk that meets each document once,
     * or when another index narrows the candidates to under a quarter of the walk.
     */
    private QueryResult inIndexOrder(
            Document query,
            Document orderBy,
            IndexPlanner.Plan plan,
            int numberToSkip,
            int batchSize,
            Document fieldSelector) {
        List<OrderedWalk.SortKey> sort = OrderedWalk.sortKeys(orderBy);
        if (sort == null) {
            return null;
        }
        long documentCount = count();
        long candidates = plan == null ? documentCount : plan.estimate();
        IndexOrderCursor.Source source = null;
        long walkSize = documentCount;
        if (sort.get(0).field().equals("_id")) {
            for (Index<Object> index : getIndexes()) {
                if (index instanceof OrderedUniqueIndex unique && unique.isIdIndex()) {
                    source = unique.walk(sort.get(0).descending());
                }
            }
        } else {
            OrderedWalk walk = OrderedWalk.chooseForGroups(query, sort, getIndexes());
            if (walk != null && walk.walksEachDocumentOnce(documentCount)) {
                source = walk;
                walkSize = walk.size();
            }
        }
        if (source == null || walkSize > 4 * candidates) {
            return null;
        }
        STREAMS_WALKED.incrementAndGet();
        return IndexOrderCursor.open(
                this,
                documents,
                source,
                query,
                deriveComparator(orderBy),
                numberToSkip,
                batchSize,
                fieldSelector,
                cursorRegistry);
    }

    /** Cursors open on an index walk, told of every update so that none returns a document twice. */
    private final Set<IndexOrderCursor> walking = Collections.newSetFromMap(new WeakHashMap<>());

    void walking(IndexOrderCursor cursor) {
        synchronized (this) {
            walking.add(cursor);
        }
    }

    void doneWalking(IndexOrderCursor cursor) {
        synchronized (this) {
            walking.remove(cursor);
        }
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, newDocument);
        // called by the library's update under this collection's lock
        for (IndexOrderCursor cursor : walking) {
            cursor.moved(position, oldDocument, newDocument);
        }
    }

    /**
     * The positions of at least the first {@code needed} matches in the sort's order (whole groups of
     * the sort's leading fields, so ties are all there), in natural order for the library to sort as
     * it sorts a scan's matches; or null when no index serves the sort, when reading every candidate
     * is about as cheap, or when a document's sort fields are not plain values.
     */
    private List<Object> firstInSortOrder(Document query, Document orderBy, IndexPlanner.Plan plan, long needed) {
        List<OrderedWalk.SortKey> sort = OrderedWalk.sortKeys(orderBy);
        if (sort == null) {
            return null;
        }
        long candidates = plan == null ? count() : plan.estimate();
        if (candidates <= 2 * needed) {
            return null;
        }
        OrderedWalk walk = OrderedWalk.choose(query, sort, getIndexes());
        // a walk may pass many entries that do not match: not when another index narrows far more
        if (walk == null || walk.size() > 4 * candidates) {
            return null;
        }
        List<Object> found = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        IndexEntry groupStart = null;
        Iterator<IndexEntry> entries = walk.entries();
        while (entries.hasNext()) {
            IndexEntry entry = entries.next();
            if (groupStart == null || !walk.sameGroup(groupStart, entry)) {
                if (found.size() >= needed) {
                    break;
                }
                groupStart = entry;
            }
            if (!seen.add(entry.position)) {
                continue;
            }
            Document document = documents.get(entry.position);
            if (document == null) {
                continue;
            }
            if (!walk.sortsByItsEntry(document)) {
                return null;
            }
            if (documentMatchesQuery(document, query)) {
                found.add(entry.position);
            }
        }
        Comparator<Object> natural = documents.getKeyType()::compare;
        found.sort(natural);
        PAGES_WALKED.incrementAndGet();
        return found;
    }

    /** The candidates once each, in the order of the documents' keys (the order a scan returns them in). */
    private List<Object> inNaturalOrder(IndexPlanner.Plan plan, boolean descending) {
        List<Object> positions = new ArrayList<>();
        plan.collect(positions);
        Comparator<Object> order = documents.getKeyType()::compare;
        positions.sort(descending ? order.reversed() : order);
        List<Object> distinct = new ArrayList<>(positions.size());
        for (Object position : positions) {
            if (distinct.isEmpty() || order.compare(distinct.get(distinct.size() - 1), position) != 0) {
                distinct.add(position);
            }
        }
        return distinct;
    }

    /**
     * The library measures every document it writes (encoding it to BSON, twice per update) to keep
     * a running data size, which only {@code collStats} reports and nothing here reads: not kept.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    /** Whether the document matches the query, as the library's matcher decides (for {@link ScanCursor}). */
    boolean matches(Document document, Document query) {
        return documentMatchesQuery(document, query);
    }

    /** The document with only the selected fields, as the library projects them. */
    Document project(Document document, Document fieldSelector) {
        return matchDocumentsFromStream(Stream.of(document), new Document(), null, 0, 0, 0, fieldSelector)
                .iterator()
                .next();
    }
}
