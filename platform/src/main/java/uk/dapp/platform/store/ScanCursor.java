package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * An unsorted scan read one batch at a time, as MongoDB's cursors read. The library gathers every
 * match into memory before the first reply, so a driver's cursor over a large collection held the
 * whole result in the server's heap however small its batches. This cursor keeps only the key of
 * the last document it looked at, and each batch seeks from there in the current version of the
 * collection: it never holds an old version of the file open (whose space the store may reuse),
 * and like a MongoDB cursor it may see documents changed since it opened, each at most once
 * (documents are kept in key order and a change never moves one).
 */
final class ScanCursor extends AbstractCursor {

    private final IndexedH2Collection collection;
    private final MVMap<Object, Document> documents;
    private final Document query;
    private final Document fieldSelector;
    private Object lastKey;
    private boolean started;
    private int toSkip;
    private long remaining;
    private Document pending;
    private boolean exhausted;

    private ScanCursor(
            long id,
            IndexedH2Collection collection,
            MVMap<Object, Document> documents,
            Document query,
            int skip,
            int limit,
            Document fieldSelector) {
        super(id);
        this.collection = collection;
        this.documents = documents;
        this.query = query;
        this.fieldSelector = fieldSelector == null || fieldSelector.isEmpty() ? null : fieldSelector;
        this.toSkip = skip;
        this.remaining = limit > 0 ? limit : Long.MAX_VALUE;
    }

    /** The first batch, and a registered cursor for the rest when there may be more. */
    static QueryResult open(
            IndexedH2Collection collection,
            MVMap<Object, Document> documents,
            Document query,
            int skip,
            int limit,
            int batchSize,
            Document fieldSelector,
            CursorRegistry registry) {
        ScanCursor cursor =
                new ScanCursor(registry.generateCursorId(), collection, documents, query, skip, limit, fieldSelector);
        List<Document> first = cursor.takeDocuments(batchSize);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        registry.add(cursor);
        return new QueryResult(first, cursor);
    }

    @Override
    public boolean isEmpty() {
        return pending == null && exhausted;
    }

    @Override
    public List<Document> takeDocuments(int numberToReturn) {
        // the collection's own lock: its writers change documents in place
        synchronized (collection) {
            List<Document> batch = new ArrayList<>(Math.min(numberToReturn, 1_000));
            if (pending != null) {
                batch.add(pending);
                pending = null;
            }
            Iterator<Map.Entry<Object, Document>> entries = entriesAfterLastKey();
            Document next;
            while (batch.size() < numberToReturn && (next = nextMatch(entries)) != null) {
                batch.add(next);
            }
            // look one ahead, so the reply can say whether the cursor is finished
            pending = nextMatch(entries);
            exhausted = pending == null;
            return batch;
        }
    }

    private Document nextMatch(Iterator<Map.Entry<Object, Document>> entries) {
        while (remaining > 0 && entries.hasNext()) {
            Map.Entry<Object, Document> entry = entries.next();
            lastKey = entry.getKey();
            started = true;
            Document document = entry.getValue();
            if (collection.matches(document, query)) {
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                remaining--;
                return fieldSelector == null ? document : collection.project(document, fieldSelector);
            }
        }
        return null;
    }

    /** The entries after the last one looked at, in the collection as it is now. */
    private Iterator<Map.Entry<Object, Document>> entriesAfterLastKey() {
        Object from = started ? documents.higherKey(lastKey) : documents.firstKey();
        if (from == null) {
            return java.util.Collections.emptyIterator();
        }
        Cursor<Object, Document> cursor = documents.cursor(from);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return cursor.hasNext();
            }

            @Override
            public Map.Entry<Object, Document> next() {
                Object key = cursor.next();
                return Map.entry(key, cursor.getValue());
            }
        };
    }
}
