package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A sort served by walking an index in its order, so that a page of a large sorted result reads
 * about a page of documents instead of every match (issue 20: the cohort page at 100 times the
 * demo). It serves a sort whose fields are, in order, the fields of an index that follow the
 * fields the query holds to equal one value (or one of a few, {@code $in}: the spans are merged).
 * The index keeps every field ascending, so it is walked backwards when the sort's first field is
 * descending; the sort fields after it that go the other way only group the entries, whose order
 * within a group the library's own sort settles. A caller reads whole groups, so the documents
 * that come first are always among those read.
 */
final class OrderedWalk implements IndexOrderCursor.Source {

    /** One field of a sort and its direction. */
    record SortKey(String field, boolean descending) {}

    private final SecondaryIndex index;
    private final List<IndexEntry[]> spans;
    private final int sortFrom;
    private final List<SortKey> sort;
    private final int groupKeys;
    private final long size;

    private OrderedWalk(SecondaryIndex index, List<IndexEntry[]> spans, int sortFrom, List<SortKey> sort, int covered) {
        this.index = index;
        this.spans = spans;
        this.sortFrom = sortFrom;
        this.sort = sort;
        int same = 1;
        while (same < covered && sort.get(same).descending() == sort.get(0).descending()) {
            same++;
        }
        this.groupKeys = same;
        long entries = 0;
        for (IndexEntry[] span : spans) {
            entries += index.count(span[0], span[1]);
        }
        this.size = entries;
    }

    /** The sort's fields, or null when it is not a plain sort on fields ({@code $natural}, a text score). */
    static List<SortKey> sortKeys(Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return null;
        }
        List<SortKey> keys = new ArrayList<>();
        for (Map.Entry<String, Object> key : orderBy.entrySet()) {
            if (key.getKey().startsWith("$")
                    || !(key.getValue() instanceof Number direction)
                    || Math.abs(direction.doubleValue()) != 1) {
                return null;
            }
            keys.add(new SortKey(key.getKey(), direction.doubleValue() < 0));
        }
        return keys;
    }

    /** The walk over fewest entries that serves the sort for the query, or null when no index can. */
    static OrderedWalk choose(Document query, List<SortKey> sort, List<Index<Object>> indexes) {
        return choose(query, sort, indexes, true);
    }

    /**
     * The walk over fewest entries whose order serves at least the sort's first field (the rest of
     * the sort only orders each group, as {@link IndexOrderCursor} sorts it), or null.
     */
    static OrderedWalk chooseForGroups(Document query, List<SortKey> sort, List<Index<Object>> indexes) {
        return choose(query, sort, indexes, false);
    }

    private static OrderedWalk choose(
            Document query, List<SortKey> sort, List<Index<Object>> indexes, boolean wholeSort) {
        IndexPlanner.Conditions conditions = IndexPlanner.Conditions.of(query);
        OrderedWalk best = null;
        for (Index<Object> index : indexes) {
            // a sparse index leaves out documents that lack its fields, which a sort still returns
            if (index instanceof SecondaryIndex secondary && !secondary.leavesOutDocuments()) {
                OrderedWalk walk = of(conditions, sort, secondary, wholeSort);
                if (walk != null && (best == null || walk.size < best.size)) {
                    best = walk;
                }
            }
        }
        return best;
    }

    private static OrderedWalk of(
            IndexPlanner.Conditions conditions, List<SortKey> sort, SecondaryIndex index, boolean wholeSort) {
        List<String> fields = index.fields();
        List<List<Object>> prefixes = new ArrayList<>(List.of(List.of()));
        int sortFrom = 0;
        while (sortFrom < fields.size()
                && !fields.get(sortFrom).equals(sort.get(0).field())) {
            List<Object> values = conditions.equalTo(fields.get(sortFrom));
            if (values == null
                    || values.isEmpty()
                    || prefixes.size() * (long) values.size() > IndexPlanner.MAX_LOOKUPS) {
                return null;
            }
            List<List<Object>> extended = new ArrayList<>();
            for (List<Object> prefix : prefixes) {
                for (Object value : values) {
                    List<Object> longer = new ArrayList<>(prefix);
                    longer.add(value);
                    extended.add(longer);
                }
            }
            prefixes = extended;
            sortFrom++;
        }
        int covered = 0;
        while (covered < sort.size()
                && sortFrom + covered < fields.size()
                && fields.get(sortFrom + covered).equals(sort.get(covered).field())) {
            covered++;
        }
        if (covered == 0 || (wholeSort && covered < sort.size())) {
            return null;
        }
        List<IndexEntry[]> spans = new ArrayList<>();
        for (List<Object> prefix : prefixes) {
            spans.add(new IndexEntry[] {IndexEntry.before(prefix.toArray()), IndexEntry.after(prefix.toArray())});
        }
        return new OrderedWalk(index, spans, sortFrom, sort, covered);
    }

    /**
     * Whether the walk can be resumed after a group and meets each document once: one span (no
     * {@code $in} before the sort's fields) in an index with one entry per document, so no
     * document holds an array of two or more values in an indexed field, and every document's
     * place in the index is its place in the sort (an array of one value sorts as that value).
     */
    boolean walksEachDocumentOnce(long documents) {
        return spans.size() == 1 && index.getCount() == documents;
    }

    @Override
    public Iterator<IndexEntry> after(IndexEntry last) {
        IndexEntry[] span = spans.get(0);
        if (sort.get(0).descending()) {
            IndexEntry to = last == null ? span[1] : IndexEntry.before(groupValues(last));
            return index.entries(span[0], to, true);
        }
        IndexEntry from = last == null ? span[0] : IndexEntry.after(groupValues(last));
        return index.entries(from, span[1], false);
    }

    @Override
    public boolean movedAhead(Document before, Document after, IndexEntry last) {
        boolean passed = false;
        for (IndexEntry entry : index.entriesFor(before)) {
            passed |= inSpan(entry) && walkOrder(entry, last) <= 0;
        }
        if (!passed) {
            return false;
        }
        for (IndexEntry entry : index.entriesFor(after)) {
            if (inSpan(entry) && walkOrder(entry, last) > 0) {
                return true;
            }
        }
        return false;
    }

    private boolean inSpan(IndexEntry entry) {
        IndexEntry[] span = spans.get(0);
        return IndexEntryType.INSTANCE.compare(entry, span[0]) > 0
                && IndexEntryType.INSTANCE.compare(entry, span[1]) < 0;
    }

    /** Negative when the entry's group comes before that of {@code other} in the walk, zero in the same group. */
    private int walkOrder(IndexEntry entry, IndexEntry other) {
        for (int i = sortFrom; i < sortFrom + groupKeys; i++) {
            int c = IndexEntryType.ORDER.compare(entry.values[i], other.values[i]);
            if (c != 0) {
                return sort.get(0).descending() ? -c : c;
            }
        }
        return 0;
    }

    /** The values that place an entry's group: the equality prefix and the group's sort fields. */
    private Object[] groupValues(IndexEntry entry) {
        return Arrays.copyOf(entry.values, sortFrom + groupKeys);
    }

    /** How many index entries the whole walk would visit. */
    long size() {
        return size;
    }

    /**
     * Whether the document's sort fields each hold one plain value. Only then is its place in the
     * index its place in the sort (MongoDB sorts an array by its least or greatest element, and
     * missing and null values by rules of their own): a caller meeting any other falls back to
     * reading every match.
     */
    boolean sortsByItsEntry(Document document) {
        for (SortKey key : sort) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, key.field());
            if (value == null
                    || value instanceof Missing
                    || value instanceof Collection
                    || value instanceof Document
                    || value instanceof Map) {
                return false;
            }
        }
        return true;
    }

    /** Whether two entries (in walk order) belong to the same group of the sort's leading fields. */
    @Override
    public boolean sameGroup(IndexEntry a, IndexEntry b) {
        for (int i = sortFrom; i < sortFrom + groupKeys; i++) {
            if (IndexEntryType.ORDER.compare(a.values[i], b.values[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** The entries in the order of the sort's leading fields (merged across the spans of an {@code $in}). */
    Iterator<IndexEntry> entries() {
        boolean descending = sort.get(0).descending();
        if (spans.size() == 1) {
            return index.entries(spans.get(0)[0], spans.get(0)[1], descending);
        }
        Comparator<IndexEntry> bySort = (a, b) -> {
            for (int i = sortFrom; i < sortFrom + sort.size(); i++) {
                int c = IndexEntryType.ORDER.compare(a.values[i], b.values[i]);
                if (c != 0) {
                    return c;
                }
            }
            return IndexEntryType.ORDER.compare(a.position, b.position);
        };
        Comparator<Head> order = Comparator.comparing(Head::entry, descending ? bySort.reversed() : bySort);
        PriorityQueue<Head> heads = new PriorityQueue<>(order);
        for (IndexEntry[] span : spans) {
            Iterator<IndexEntry> entries = index.entries(span[0], span[1], descending);
            if (entries.hasNext()) {
                heads.add(new Head(entries.next(), entries));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public IndexEntry next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest().next(), head.rest()));
                }
                return head.entry();
            }
        };
    }

    private record Head(IndexEntry entry, Iterator<IndexEntry> rest) {}

    @Override
    public String toString() {
        return index.getName() + " from field " + sortFrom + " over " + spans.size() + " span(s) "
                + Arrays.toString(sort.toArray());
    }
}
