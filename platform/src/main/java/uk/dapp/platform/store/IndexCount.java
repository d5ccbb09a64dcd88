package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the matches of a filter from index entries alone, without reading a document, when an
 * index answers the filter exactly: every condition but at most one is equality (or {@code $in})
 * on a plain value on the index's leading fields, and the one left, if any, is a single numeric
 * bound ({@code $gt}, {@code $gte}, {@code $lt} or {@code $lte}) on the next field. The cohort
 * counts its matches on every page (issue 20), its threshold as such a bound; on the embedded store
 * that read every matching document.
 */
final class IndexCount {

    /** Counts answered from index entries, in this JVM (the property test shows it takes them). */
    static final java.util.concurrent.atomic.AtomicLong ANSWERED = new java.util.concurrent.atomic.AtomicLong();

    private static final Set<String> BOUNDS = Set.of("$gt", "$gte", "$lt", "$lte");

    private IndexCount() {}

    /** The number of documents matching the filter, or null when no index answers it exactly. */
    static Long exact(Document filter, List<Index<Object>> indexes) {
        if (filter.isEmpty()) {
            return null;
        }
        Document equalities = new Document();
        String boundField = null;
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            if (isEquality(condition)) {
                equalities.put(condition.getKey(), condition.getValue());
            } else if (boundField == null && NumericBound.of(condition.getValue()) != null) {
                boundField = condition.getKey();
            } else {
                return null;
            }
        }
        NumericBound bound = boundField == null ? null : NumericBound.of(filter.get(boundField));
        int fields = equalities.size();
        IndexPlanner.Conditions conditions = IndexPlanner.Conditions.of(equalities);
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary
                    && secondary.fields().size() >= fields + (bound == null ? 0 : 1)
                    && Set.copyOf(secondary.fields().subList(0, fields)).equals(equalities.keySet())
                    && (bound == null || secondary.fields().get(fields).equals(boundField))) {
                return count(conditions, secondary, fields, bound);
            }
        }
        return null;
    }

    private static Long count(
            IndexPlanner.Conditions conditions, SecondaryIndex index, int fields, NumericBound bound) {
        List<List<Object>> prefixes = new ArrayList<>(List.of(List.of()));
        for (String field : index.fields().subList(0, fields)) {
            List<Object> values = conditions.equalTo(field);
            if (values == null || prefixes.size() * (long) values.size() > IndexPlanner.MAX_LOOKUPS) {
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
        }
        // distinct positions: a document holding an array in an indexed field has an entry per element
        Set<Object> positions = new HashSet<>();
        for (List<Object> prefix : prefixes) {
            if (bound == null) {
                index.positions(IndexEntry.before(prefix.toArray()), IndexEntry.after(prefix.toArray()))
                        .forEachRemaining(positions::add);
            } else if (!bound.collect(prefix, index, positions)) {
                return null;
            }
        }
        ANSWERED.incrementAndGet();
        return (long) positions.size();
    }

    /** A plain field held to one value ({@code v} or {@code $eq}) or a list of them ({@code $in}). */
    private static boolean isEquality(Map.Entry<String, Object> condition) {
        if (condition.getKey().startsWith("$")) {
            return false;
        }
        Object value = condition.getValue();
        if (value instanceof Document operators) {
            if (operators.size() != 1) {
                return false;
            }
            Object operand = operators.get("$eq") != null ? operators.get("$eq") : operators.get("$in");
            return operand != null && (!operators.containsKey("$in") || operand instanceof Collection);
        }
        return true;
    }

    /**
     * One bound on a number. MongoDB compares a number only with numbers (type bracketing), so the
     * matches are the entries in the numbers' stretch of the index on the bound's side; any entry
     * there that is not a plain integer, long or double (NaN, a decimal), which MongoDB and the
     * library might treat apart, gives the count up to the library.
     */
    private record NumericBound(String operator, Object value) {

        static NumericBound of(Object condition) {
            if (!(condition instanceof Document operators) || operators.size() != 1) {
                return null;
            }
            String operator = operators.keySet().iterator().next();
            Object value = operators.get(operator);
            if (!BOUNDS.contains(operator) || !isPlainNumber(value)) {
                return null;
            }
            return new NumericBound(operator, IndexPlanner.Conditions.normalise(value));
        }

        private static boolean isPlainNumber(Object value) {
            return value instanceof Integer || value instanceof Long || (value instanceof Double d && !d.isNaN());
        }

        private boolean lower() {
            return operator.startsWith("$gt");
        }

        private boolean admits(Object value) {
            int c = IndexEntryType.ORDER.compare(value, this.value);
            return switch (operator) {
                case "$gt" -> c > 0;
                case "$gte" -> c >= 0;
                case "$lt" -> c < 0;
                default -> c <= 0;
            };
        }

        /** Adds the positions of the entries under the prefix that meet the bound; false to give up. */
        boolean collect(List<Object> prefix, SecondaryIndex index, Set<Object> positions) {
            Object[] at = prefix.toArray(new Object[prefix.size() + 1]);
            at[prefix.size()] = value;
            IndexEntry from = lower() ? IndexEntry.before(at) : IndexEntry.before(prefix.toArray());
            IndexEntry to = lower() ? IndexEntry.after(prefix.toArray()) : IndexEntry.after(at);
            Iterator<IndexEntry> entries = index.entries(from, to, false);
            while (entries.hasNext()) {
                IndexEntry entry = entries.next();
                Object found = entry.values[prefix.size()];
                if (found instanceof Number && !isPlainNumber(found)) {
                    return false;
                }
                if (!(found instanceof Number)) {
                    if (lower()) {
                        break; // past the numbers: every other type sorts after them, never matched
                    }
                    continue; // null, missing or an empty array, which sort before the numbers
                }
                if (admits(found)) {
                    positions.add(entry.position);
                }
            }
            return true;
        }
    }
}
