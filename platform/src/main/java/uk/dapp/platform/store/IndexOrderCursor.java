package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A sorted query without a limit read one batch at a time in the sort's order, by walking an index
 * that serves the sort ({@link IndexOrderCursor.Source}), as MongoDB's cursors read. The library
 * sorts every match in memory and keeps the sorted list until the last batch is taken, so an
 * export of 100,000 cases held them all in the server's heap (issue 20). This cursor reads one
 * group of the sort's leading fields at a time (one document when the index is {@code _id}'s; one
 * case's referrals for a sort by case ID), sorts the group as the library sorts matches (its
 * comparator, ties in the collection's key order), and remembers only where the last group ended.
 * Each batch seeks from there in the current version of the index, as {@link ScanCursor} does.
 *
 * <p>A document changed during the walk is returned at most once: one already passed that an
 * update moves ahead of the walk is remembered ({@link #moved}) and skipped when met again, so
 * the memory held grows with such updates, never with the result. A document moved behind the
 * walk is not returned again (MongoDB's cursors may miss such a document too).
 */
final class IndexOrderCursor extends AbstractCursor {

    /** MongoDB's first batch when the driver asks for no size; later batches of this many when it asks for none. */
    static final int DEFAULT_FIRST_BATCH = 101;

    static final int DEFAULT_BATCH = 1_000;

    /** Where the sort's order comes from: an index walked group by group, resumed after a group. */
    interface Source {

        /** The entries in the sort's order after the group of {@code last}, or from the start when it is null. */
        Iterator<IndexEntry> after(IndexEntry last);

        /** Whether two entries belong to the same group of the sort's leading fields. */
        boolean sameGroup(IndexEntry a, IndexEntry b);

        /** Whether an update moved the document from at or before the group of {@code last} to after it. */
        boolean movedAhead(Document before, Document after, IndexEntry last);
    }

    private final IndexedH2Collection collection;
    private final MVMap<Object, Document> documents;
    private final Source source;
    private final Document query;
    private final Comparator<Document> order;
    private final Document fieldSelector;
    private final Deque<Document> ready = new ArrayDeque<>();
    private final Set<Object> passedAndMoved = new HashSet<>();
    private IndexEntry lastGroup;
    private boolean walked;
    private int toSkip;

    private IndexOrderCursor(
            long id,
            IndexedH2Collection collection,
            MVMap<Object, Document> documents,
            Source source,
            Document query,
            Comparator<Document> sort,
            int skip,
            Document fieldSelector) {
        super(id);
        this.collection = collection;
        this.documents = documents;
        this.source = source;
        this.query = query;
        Comparator<Object> natural = documents.getKeyType()::compare;
        // the library sorts the matches of a scan, which come in key order, with a stable sort
        this.order = sort.thenComparing(d -> Missing.ofNullable(d.get("_id")), natural);
        this.fieldSelector = fieldSelector == null || fieldSelector.isEmpty() ? null : fieldSelector;
        this.toSkip = skip;
    }

    /** The first batch, and a registered cursor for the rest when there may be more. */
    static QueryResult open(
            IndexedH2Collection collection,
            MVMap<Object, Document> documents,
            Source source,
            Document query,
            Comparator<Document> sort,
            int skip,
            int batchSize,
            Document fieldSelector,
            CursorRegistry registry) {
        IndexOrderCursor cursor = new IndexOrderCursor(
                registry.generateCursorId(), collection, documents, source, query, sort, skip, fieldSelector);
        List<Document> first = cursor.takeDocuments(batchSize > 0 ? batchSize : DEFAULT_FIRST_BATCH);
        if (cursor.isEmpty()) {
            return new QueryResult(first);
        }
        collection.walking(cursor);
        registry.add(cursor);
        return new QueryResult(first, cursor);
    }

    @Override
    public boolean isEmpty() {
        return ready.isEmpty() && walked;
    }

    @Override
    public List<Document> takeDocuments(int numberToReturn) {
        int wanted = numberToReturn > 0 ? numberToReturn : DEFAULT_BATCH;
        // the collection's own lock: its writers change documents in place
        synchronized (collection) {
            List<Document> batch = new ArrayList<>(Math.min(wanted, 1_000));
            while (batch.size() < wanted && (!ready.isEmpty() || !walked)) {
                if (ready.isEmpty()) {
                    readNextGroup();
                } else {
                    batch.add(ready.poll());
                }
            }
            // look ahead, so the reply can say whether the cursor is finished
            while (ready.isEmpty() && !walked) {
                readNextGroup();
            }
            if (isEmpty()) {
                collection.doneWalking(this);
            }
            return batch;
        }
    }

    /** Reads the next group of entries whole, queueing its matches in sort order; marks the walk done at the end. */
    private void readNextGroup() {
        Iterator<IndexEntry> entries = source.after(lastGroup);
        if (!entries.hasNext()) {
            walked = true;
            return;
        }
        IndexEntry first = entries.next();
        Set<Object> positions = new LinkedHashSet<>();
        positions.add(first.position);
        while (entries.hasNext()) {
            IndexEntry entry = entries.next();
            if (!source.sameGroup(first, entry)) {
                break;
            }
            positions.add(entry.position);
        }
        lastGroup = first;
        List<Document> matches = new ArrayList<>();
        for (Object position : positions) {
            if (passedAndMoved.contains(position)) {
                continue;
            }
            Document document = documents.get(Missing.ofNullable(position));
            if (document != null && collection.matches(document, query)) {
                matches.add(document);
            }
        }
        matches.sort(order);
        for (Document document : matches) {
            if (toSkip > 0) {
                toSkip--;
            } else {
                ready.add(fieldSelector == null ? document : collection.project(document, fieldSelector));
            }
        }
    }

    /** Told by the collection (under its lock) of every update while the cursor is open. */
    void moved(Object position, Document before, Document after) {
        if (lastGroup != null && !walked && source.movedAhead(before, after, lastGroup)) {
            passedAndMoved.add(position);
        }
    }
}
