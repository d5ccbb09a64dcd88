package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the matches of a filter from index entries alone, without reading a document, when an
 * index answers the filter exactly: every condition is equality (or {@code $in}) on a plain value,
 * and the conditions' fields are the index's leading fields. The cohort counts its matches on
 * every page (issue 20); on the embedded store that read every matching document.
 */
final class IndexCount {

    /** Counts answered from index entries, in this JVM (the property test shows it takes them). */
    static final java.util.concurrent.atomic.AtomicLong ANSWERED = new java.util.concurrent.atomic.AtomicLong();

    private IndexCount() {}

    /** The number of documents matching the filter, or null when no index answers it exactly. */
    static Long exact(Document filter, List<Index<Object>> indexes) {
        if (filter.isEmpty() || !onlyEqualities(filter)) {
            return null;
        }
        IndexPlanner.Conditions conditions = IndexPlanner.Conditions.of(filter);
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary
                    && secondary.fields().size() >= filter.size()
                    && Set.copyOf(secondary.fields().subList(0, filter.size())).equals(filter.keySet())) {
                return count(conditions, secondary, filter.size());
            }
        }
        return null;
    }

    private static Long count(IndexPlanner.Conditions conditions, SecondaryIndex index, int fields) {
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
            index.positions(IndexEntry.before(prefix.toArray()), IndexEntry.after(prefix.toArray()))
                    .forEachRemaining(positions::add);
        }
        ANSWERED.incrementAndGet();
        return (long) positions.size();
    }

    /** Plain fields, each held to one value ({@code v} or {@code $eq}) or a list of them ({@code $in}). */
    private static boolean onlyEqualities(Document filter) {
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            if (condition.getKey().startsWith("$")) {
                return false;
            }
            Object value = condition.getValue();
            if (value instanceof Document operators) {
                if (operators.size() != 1) {
                    return false;
                }
                Object operand = operators.get("$eq") != null ? operators.get("$eq") : operators.get("$in");
                if (operand == null || (operators.containsKey("$in") && !(operand instanceof Collection))) {
                    return false;
                }
            }
        }
        return true;
    }
}
