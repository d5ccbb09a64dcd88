package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * The H2 backend's collection, with two changes to how queries find documents (results are
 * unchanged): a query that an index narrows reads only the documents the index points at
 * ({@link IndexPlanner}), in the collection's natural order as a scan would return them; and an
 * unsorted scan asked for in batches ({@code batchSize > 0}, as a driver's cursor does) reads one
 * batch at a time ({@link ScanCursor}) instead of gathering every match first.
 */
final class IndexedH2Collection extends H2Collection {

    private final MVMap<Object, Document> documents;

    IndexedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.documents = documents;
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
            int batchSize, Document fieldSelector) {
        IndexPlanner.Plan plan = query.isEmpty() ? null : IndexPlanner.choose(query, getIndexes(), count());
        if (plan != null) {
            List<Object> positions = inNaturalOrder(plan, isNaturalDescending(orderBy));
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (batchSize > 0 && deriveComparator(orderBy) == null && !isNaturalDescending(orderBy)) {
            return ScanCursor.open(this, documents, query, numberToSkip, limit, batchSize, fieldSelector, cursorRegistry);
        }
        return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
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
                .iterator().next();
    }
}
