package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Chooses how the embedded store finds the documents a query can match: through an index, when
 * one narrows the search enough, or by a scan. What it returns is a superset of the matches (the
 * caller still tests every document against the whole query), so a plan can only be slow, never
 * wrong; that is why it may ignore any condition it does not understand, all of them being ANDed.
 *
 * <p>Understood: equality ({@code {f: v}}, {@code $eq}) and {@code $in} on scalar values, on the
 * leading fields of an index, then one bound ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte})
 * on the next field; conditions inside {@code $and}; an {@code $or} whose every branch can use an
 * index (the union of the branches). Unique indexes (and {@code _id}) serve equality or {@code $in}
 * on all their fields, an ordered compound one on its leading fields too ({@link UniquePrefixPlanner}).
 * Not understood, so left to the scan: {@code null} and missing values,
 * regular expressions, whole sub-documents or arrays as values, {@code $ne}, {@code $nin},
 * {@code $exists}, {@code $elemMatch}, {@code $not}, {@code $nor}, {@code $expr}.
 */
final class IndexPlanner {

    /** Past this many look-ups an {@code $in} is scanned instead. */
    static final int MAX_LOOKUPS = 1_000;

    /** The plan of a query that matches nothing, such as {@code {f: {$in: []}}} on an indexed field. */
    private static final Plan NOTHING = Plan.of(0, positions -> {});

    private IndexPlanner() {}

    /** A way to find candidates: how many it expects, and the positions (unordered, maybe repeated). */
    interface Plan {
        long estimate();

        void collect(Collection<Object> positions);

        /** A plan expecting {@code estimate} candidates, which {@code collector} adds to the positions it is given. */
        static Plan of(long estimate, Consumer<Collection<Object>> collector) {
            return new Plan() {
                @Override
                public long estimate() {
                    return estimate;
                }

                @Override
                public void collect(Collection<Object> positions) {
                    collector.accept(positions);
                }
            };
        }
    }

    /**
     * The positions of the documents the query can match, or null to scan: no index helps, or the
     * best would visit more than half of a collection of {@code size} documents.
     */
    static Plan choose(Document query, List<Index<Object>> indexes, long size) {
        Plan best = best(Conditions.of(query), indexes);
        return best == null || best.estimate() > size / 2 ? null : best;
    }

    private static Plan best(Conditions conditions, List<Index<Object>> indexes) {
        Plan best = null;
        for (Index<Object> index : indexes) {
            best = cheaper(best, plan(conditions, index));
        }
        for (List<Document> branches : conditions.disjunctions) {
            best = cheaper(best, union(branches, indexes));
        }
        return best;
    }

    private static Plan cheaper(Plan a, Plan b) {
        if (a == null) {
            return b;
        }
        return b == null || a.estimate() <= b.estimate() ? a : b;
    }

    private static Plan union(List<Document> branches, List<Index<Object>> indexes) {
        List<Plan> plans = new ArrayList<>();
        long estimate = 0;
        for (Document branch : branches) {
            Plan plan = best(Conditions.of(branch), indexes);
            if (plan == null) {
                return null;
            }
            plans.add(plan);
            estimate += plan.estimate();
        }
        return Plan.of(estimate, positions -> plans.forEach(plan -> plan.collect(positions)));
    }

    private static Plan plan(Conditions conditions, Index<Object> index) {
        if (index instanceof SecondaryIndex secondary) {
            return planSecondary(conditions, secondary);
        }
        if (index instanceof AbstractUniqueIndex<Object> unique) {
            return planUnique(conditions, unique);
        }
        return null;
    }

    private static Plan planUnique(Conditions conditions, AbstractUniqueIndex<Object> index) {
        List<Document> lookups = new ArrayList<>(List.of(new Document()));
        for (var key : index.getKeys()) {
            List<Object> values = conditions.equalTo(key.getKey());
            if (values == null || lookups.size() * (long) values.size() > MAX_LOOKUPS) {
                // equal values on the leading fields only: the entries that start with them, as MongoDB reads a prefix
                if (lookups.isEmpty()) {
                    return NOTHING; // an empty $in on a leading field matches no document
                }
                return UniquePrefixPlanner.plan(lookups, index);
            }
            List<Document> extended = new ArrayList<>();
            for (Document lookup : lookups) {
                for (Object value : values) {
                    extended.add(lookup.clone().append(key.getKey(), value));
                }
            }
            lookups = extended;
        }
        List<Document> all = lookups;
        return Plan.of(all.size(), positions -> {
            for (Document lookup : all) {
                index.getPositions(lookup).forEach(positions::add);
            }
        });
    }

    private static Plan planSecondary(Conditions conditions, SecondaryIndex index) {
        List<List<Object>> prefixes = new ArrayList<>(List.of(List.of()));
        Range range = null;
        for (String field : index.fields()) {
            List<Object> values = conditions.equalTo(field);
            if (values != null && values.isEmpty()) {
                return NOTHING; // an empty $in matches no document
            }
            if (values != null && prefixes.size() * (long) values.size() <= MAX_LOOKUPS) {
                List<List<Object>> extended = new ArrayList<>();
                for (List<Object> prefix : prefixes) {
                    for (Object value : values) {
                        List<Object> longer = new ArrayList<>(prefix);
                        longer.add(value);
                        extended.add(longer);
                    }
                }
                prefixes = extended;
                continue;
            }
            range = conditions.range(field);
            break;
        }
        if (prefixes.get(0).isEmpty() && range == null) {
            return null;
        }
        List<IndexEntry[]> spans = new ArrayList<>();
        long estimate = 0;
        for (List<Object> prefix : prefixes) {
            IndexEntry[] span = range == null
                    ? new IndexEntry[] {IndexEntry.before(prefix.toArray()), IndexEntry.after(prefix.toArray())}
                    : range.span(prefix, index);
            spans.add(span);
            estimate += index.count(span[0], span[1]);
        }
        return Plan.of(estimate, positions -> {
            for (IndexEntry[] span : spans) {
                Iterator<Object> found = index.positions(span[0], span[1]);
                found.forEachRemaining(positions::add);
            }
        });
    }

    /** A bound on one field: lower ({@code $gt}/{@code $gte}) and upper ({@code $lt}/{@code $lte}), either absent. */
    private record Range(Object lower, boolean lowerIncluded, Object upper, boolean upperIncluded) {

        /**
         * The span of entries to visit under a prefix. Only one bound is used: on a field holding
         * arrays, MongoDB lets different elements satisfy the two bounds ({@code [1, 10]} matches
         * {@code {$gt: 5, $lt: 8}}), so the entries between both bounds could miss a match; each
         * bound alone cannot. The tighter of the two is taken.
         */
        IndexEntry[] span(List<Object> prefix, SecondaryIndex index) {
            IndexEntry[] fromLower = null;
            IndexEntry[] fromUpper = null;
            if (lower != null) {
                Object[] key = with(prefix, lower);
                fromLower = new IndexEntry[] {
                    lowerIncluded ? IndexEntry.before(key) : IndexEntry.after(key), IndexEntry.after(prefix.toArray())
                };
            }
            if (upper != null) {
                Object[] key = with(prefix, upper);
                fromUpper = new IndexEntry[] {
                    IndexEntry.before(prefix.toArray()), upperIncluded ? IndexEntry.after(key) : IndexEntry.before(key)
                };
            }
            if (fromLower == null) {
                return fromUpper;
            }
            if (fromUpper == null) {
                return fromLower;
            }
            return index.count(fromLower[0], fromLower[1]) <= index.count(fromUpper[0], fromUpper[1])
                    ? fromLower
                    : fromUpper;
        }

        private static Object[] with(List<Object> prefix, Object value) {
            Object[] key = prefix.toArray(new Object[prefix.size() + 1]);
            key[prefix.size()] = value;
            return key;
        }
    }

    /** What a query's top level (with its {@code $and}s flattened) asks of each field, and its {@code $or}s. */
    static final class Conditions {

        final Map<String, List<Object>> byField = new LinkedHashMap<>();
        final List<List<Document>> disjunctions = new ArrayList<>();

        static Conditions of(Document query) {
            Conditions conditions = new Conditions();
            conditions.add(query);
            return conditions;
        }

        @SuppressWarnings("unchecked")
        private void add(Document query) {
            for (Map.Entry<String, Object> entry : query.entrySet()) {
                String key = entry.getKey();
                Object value = entry.getValue();
                if (key.equals("$and") && value instanceof List<?> parts) {
                    for (Object part : parts) {
                        if (part instanceof Document document) {
                            add(document);
                        }
                    }
                } else if (key.equals("$or")
                        && value instanceof List<?> branches
                        && branches.stream().allMatch(Document.class::isInstance)) {
                    disjunctions.add((List<Document>) branches);
                } else if (!key.startsWith("$")) {
                    byField.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
                }
            }
        }

        /** The values the field must equal one of (normalised; none for an empty {@code $in}), or null when no condition says so usably. */
        List<Object> equalTo(String field) {
            for (Object condition : byField.getOrDefault(field, List.of())) {
                if (isScalar(condition)) {
                    return List.of(normalise(condition));
                }
                if (condition instanceof Document operators && isOperatorDocument(operators)) {
                    if (operators.containsKey("$eq") && isScalar(operators.get("$eq"))) {
                        return List.of(normalise(operators.get("$eq")));
                    }
                    if (operators.get("$in") instanceof Collection<?> in
                            && in.stream().allMatch(Conditions::isScalar)) {
                        return in.stream().map(Conditions::normalise).distinct().toList();
                    }
                }
            }
            return null;
        }

        /** A usable bound on the field, or null. */
        Range range(String field) {
            for (Object condition : byField.getOrDefault(field, List.of())) {
                if (condition instanceof Document operators && isOperatorDocument(operators)) {
                    Object lower = null;
                    boolean lowerIncluded = false;
                    Object upper = null;
                    boolean upperIncluded = false;
                    if (isScalar(operators.get("$gte"))) {
                        lower = normalise(operators.get("$gte"));
                        lowerIncluded = true;
                    } else if (isScalar(operators.get("$gt"))) {
                        lower = normalise(operators.get("$gt"));
                    }
                    if (isScalar(operators.get("$lte"))) {
                        upper = normalise(operators.get("$lte"));
                        upperIncluded = true;
                    } else if (isScalar(operators.get("$lt"))) {
                        upper = normalise(operators.get("$lt"));
                    }
                    if (lower != null || upper != null) {
                        return new Range(lower, lowerIncluded, upper, upperIncluded);
                    }
                }
            }
            return null;
        }

        private static boolean isOperatorDocument(Document document) {
            return !document.isEmpty()
                    && document.keySet().stream().allMatch(k -> k.startsWith("$"))
                    && !BsonRegularExpression.isRegularExpression(document);
        }

        /** A value an index entry can equal: not null or missing, not a document, array or pattern. */
        private static boolean isScalar(Object value) {
            return value != null
                    && !(value instanceof Missing)
                    && !(value instanceof Document)
                    && !(value instanceof Collection)
                    && !(value instanceof BsonRegularExpression)
                    && !(value instanceof Pattern)
                    && !(value instanceof MinKey)
                    && !(value instanceof MaxKey)
                    && !(value instanceof Map);
        }

        /** As the library normalises indexed values: numbers as doubles (longs a double cannot hold excepted). */
        static Object normalise(Object value) {
            if (value instanceof Long l && l != (long) l.doubleValue()) {
                return l;
            }
            if (value instanceof Number n) {
                double d = n.doubleValue();
                return d == -0.0 ? 0.0 : d;
            }
            return value;
        }
    }
}
