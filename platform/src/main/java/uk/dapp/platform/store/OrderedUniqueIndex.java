package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * A unique index (and {@code _id}'s) as the stock H2 backend keeps it, but with its keys ordered
 * by {@link KeyValueType} rather than by H2's generic object type, which serialises both keys on
 * every comparison. Same behaviour (the library's {@link AbstractUniqueIndex} does the work), a
 * cheaper search.
 */
final class OrderedUniqueIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> entries;

    OrderedUniqueIndex(String name, List<IndexKey> keys, boolean sparse, MVMap<KeyValue, Object> entries) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    /**
     * The index walked in its key order (backwards when {@code descending}), one document to a
     * group, for {@link IndexOrderCursor}: a unique key places one document. Serves only an index
     * whose key cannot change, such as {@code _id}'s, so no update moves a document in the walk.
     */
    IndexOrderCursor.Source walk(boolean descending) {
        return new IndexOrderCursor.Source() {
            @Override
            public Iterator<IndexEntry> after(IndexEntry last) {
                KeyValue from;
                if (last == null) {
                    from = descending ? entries.lastKey() : entries.firstKey();
                } else {
                    KeyValue previous = new KeyValue(Arrays.asList(last.values));
                    from = descending ? entries.lowerKey(previous) : entries.higherKey(previous);
                }
                if (from == null) {
                    return Collections.emptyIterator();
                }
                Cursor<KeyValue, Object> cursor = entries.cursor(from, null, descending);
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return cursor.hasNext();
                    }

                    @Override
                    public IndexEntry next() {
                        KeyValue key = cursor.next();
                        Object position = cursor.getValue();
                        return IndexEntry.of(key.stream().toArray(), position instanceof Missing ? null : position);
                    }
                };
            }

            @Override
            public boolean sameGroup(IndexEntry a, IndexEntry b) {
                return KeyValueType.INSTANCE.compare(
                                new KeyValue(Arrays.asList(a.values)), new KeyValue(Arrays.asList(b.values)))
                        == 0;
            }

            @Override
            public boolean movedAhead(Document before, Document after, IndexEntry last) {
                return false;
            }
        };
    }

    /**
     * Passes the position of every entry whose key starts with {@code prefix} (values of the
     * leading fields, normalised as a query's), in key order: a compound unique index read by its
     * leading fields, as MongoDB reads one.
     */
    void positionsWithPrefix(List<Object> prefix, java.util.function.Consumer<Object> positions) {
        Cursor<KeyValue, Object> cursor = entries.cursor(new KeyValue(prefix));
        while (cursor.hasNext()) {
            KeyValue key = cursor.next();
            if (!startsWith(key, prefix)) {
                return;
            }
            Object position = cursor.getValue();
            positions.accept(position instanceof Missing ? null : position);
        }
    }

    /** How many entries start with {@code prefix}: the distance between the prefix's first entry and the next prefix's. */
    long countWithPrefix(List<Object> prefix) {
        long from = insertionPoint(new KeyValue(prefix));
        KeyValue first = entries.ceilingKey(new KeyValue(prefix));
        if (first == null || !startsWith(first, prefix)) {
            return 0;
        }
        // the end: the first key past the prefix, found by walking (a unique prefix's entries are few)
        long count = 0;
        Iterator<KeyValue> keys = entries.keyIterator(first);
        while (keys.hasNext() && startsWith(keys.next(), prefix)) {
            count++;
            if (count > 1_000) {
                // many: the rest counted from the index's size, an upper bound that keeps the planner's choice safe
                return entries.sizeAsLong() - from;
            }
        }
        return count;
    }

    private long insertionPoint(KeyValue probe) {
        long index = entries.getKeyIndex(probe);
        return index < 0 ? -index - 1 : index;
    }

    private static boolean startsWith(KeyValue key, List<Object> prefix) {
        if (key.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (IndexEntryType.ORDER.compare(key.get(i), prefix.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether this is {@code _id}'s index, whose key no update changes. */
    boolean isIdIndex() {
        return keys().equals(List.of("_id"));
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
        return entries.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
        return entries.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return entries.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
        return entries.get(keyValue);
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
