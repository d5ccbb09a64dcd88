package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A non-unique index kept in the store's file beside the documents, in MongoDB's order of values:
 * one entry per document (per array element for a field holding an array, as MongoDB's multikey
 * indexes), written and committed with the document, so a crash never leaves the two apart.
 * The stock library accepts such an index and ignores it; {@link IndexedH2Collection} asks this
 * one for the positions a query can match and then still checks every document against the whole
 * query, so an index only ever narrows a scan.
 */
final class SecondaryIndex extends Index<Object> {

    private static final Boolean PRESENT = Boolean.TRUE;

    private final MVMap<IndexEntry, Boolean> entries;
    private final String idField;

    SecondaryIndex(
            String name, List<IndexKey> keys, boolean sparse, MVMap<IndexEntry, Boolean> entries, String idField) {
        super(name, keys, sparse);
        this.entries = entries;
        this.idField = idField;
    }

    /** Whether it leaves out the documents that have none of its fields. */
    boolean leavesOutDocuments() {
        return isSparse();
    }

    /** The indexed fields, in order. */
    List<String> fields() {
        return keys();
    }

    /** Positions of the entries from {@code from} to {@code to} (both probes), in index order. */
    Iterator<Object> positions(IndexEntry from, IndexEntry to) {
        Iterator<IndexEntry> keys = entries.keyIterator(from);
        return new Iterator<>() {
            private IndexEntry next = advance();

            private IndexEntry advance() {
                if (!keys.hasNext()) {
                    return null;
                }
                IndexEntry candidate = keys.next();
                return IndexEntryType.INSTANCE.compare(candidate, to) > 0 ? null : candidate;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                IndexEntry current = next;
                next = advance();
                return current.position;
            }
        };
    }

    /**
     * The entries from {@code from} to {@code to} (both probes) in index order, or from {@code to}
     * down to {@code from} when {@code descending}.
     */
    Iterator<IndexEntry> entries(IndexEntry from, IndexEntry to, boolean descending) {
        Iterator<IndexEntry> keys = descending ? entries.keyIteratorReverse(to) : entries.keyIterator(from);
        IndexEntry end = descending ? from : to;
        int pastEnd = descending ? -1 : 1;
        return new Iterator<>() {
            private IndexEntry next = advance();

            private IndexEntry advance() {
                if (!keys.hasNext()) {
                    return null;
                }
                IndexEntry candidate = keys.next();
                return Integer.signum(IndexEntryType.INSTANCE.compare(candidate, end)) == pastEnd ? null : candidate;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public IndexEntry next() {
                IndexEntry current = next;
                next = advance();
                return current;
            }
        };
    }

    /** How many entries lie between two probes, found in two descents of the tree. */
    long count(IndexEntry from, IndexEntry to) {
        return insertionPoint(to) - insertionPoint(from);
    }

    private long insertionPoint(IndexEntry probe) {
        long index = entries.getKeyIndex(probe);
        return index < 0 ? -index - 1 : index;
    }

    /** The document's entries, as {@link #add} writes them (for a walk that must place a changed document). */
    List<IndexEntry> entriesFor(Document document) {
        return entriesOf(document);
    }

    private Object positionOf(Document document) {
        return Utils.getSubdocumentValue(document, idField);
    }

    private boolean skips(Document document) {
        // a sparse index leaves out a document that has none of its fields
        return isSparse()
                && fields().stream()
                        .allMatch(
                                field -> Utils.getSubdocumentValueCollectionAware(document, field) instanceof Missing);
    }

    private List<IndexEntry> entriesOf(Document document) {
        if (skips(document)) {
            return List.of();
        }
        Set<KeyValue> keyValues = getKeyValues(document);
        Object position = positionOf(document);
        if (keyValues.isEmpty()) {
            // an empty array in an indexed field yields no key; MongoDB still indexes the document
            // (under undefined), and an index walked in sort order must meet every document
            return List.of(IndexEntry.of(
                    fields().stream()
                            .map(field -> plainValueOf(document, field))
                            .toArray(),
                    position));
        }
        List<IndexEntry> result = new ArrayList<>(keyValues.size());
        for (KeyValue keyValue : keyValues) {
            result.add(IndexEntry.of(keyValue.stream().toArray(), position));
        }
        return result;
    }

    /** The field's value as a key holds it, or null when it is missing or holds an array. */
    private static Object plainValueOf(Document document, String field) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        return value instanceof Missing || value instanceof java.util.Collection
                ? null
                : IndexPlanner.Conditions.normalise(value);
    }

    @Override
    public Object getPosition(Document document) {
        return positionOf(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // refuses parallel arrays in a compound index before anything is written, as MongoDB does
        entriesOf(document);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (IndexEntry entry : entriesOf(document)) {
            entries.put(entry, PRESENT);
        }
    }

    @Override
    public Object remove(Document document) {
        for (IndexEntry entry : entriesOf(document)) {
            entries.remove(entry);
        }
        return positionOf(document);
    }

    @Override
    public boolean canHandle(Document query) {
        // the collection plans its own lookups; the library's planner must not pick this index
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("planned by IndexedH2Collection");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        entriesOf(newDocument);
    }

    @Override
    public void updateInPlace(
            Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        // only the entries that differ: an update seldom touches an indexed field
        List<IndexEntry> before = entriesOf(oldDocument);
        List<IndexEntry> after = entriesOf(newDocument);
        for (IndexEntry entry : before) {
            if (!contains(after, entry)) {
                entries.remove(entry);
            }
        }
        for (IndexEntry entry : after) {
            if (!contains(before, entry)) {
                entries.put(entry, PRESENT);
            }
        }
    }

    private static boolean contains(List<IndexEntry> list, IndexEntry entry) {
        for (IndexEntry candidate : list) {
            if (IndexEntryType.INSTANCE.compare(candidate, entry) == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void drop() {
        // the map itself is removed by the database (H2Database.dropIndex)
    }
}
