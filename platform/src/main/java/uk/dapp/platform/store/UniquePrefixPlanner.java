package uk.dapp.platform.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * Plans the read of a compound unique index by the values of its leading fields only, as MongoDB
 * reads one (a track's outcomes by track ID, on a unique index of track ID and point): the entries
 * whose keys start with one of the prefixes. Only an {@link OrderedUniqueIndex} keeps its keys in an
 * order that puts a prefix's entries together; any other unique index is left to a scan.
 */
final class UniquePrefixPlanner {

    private UniquePrefixPlanner() {}

    /**
     * The entries whose keys start with one of {@code prefixes} (each the values of the same leading
     * fields, in the index's order, normalised as a query's; none: nothing matches), or null to scan:
     * the prefixes name no field, or the index keeps no order to read a prefix in.
     */
    static IndexPlanner.Plan plan(List<Document> prefixes, AbstractUniqueIndex<Object> index) {
        if (!(index instanceof OrderedUniqueIndex ordered)
                || (!prefixes.isEmpty() && prefixes.get(0).isEmpty())) {
            return null;
        }
        List<List<Object>> keys =
                prefixes.stream().map(prefix -> List.copyOf(prefix.values())).toList();
        long estimate = 0;
        for (List<Object> key : keys) {
            estimate += ordered.countWithPrefix(key);
        }
        return IndexPlanner.Plan.of(estimate, positions -> {
            for (List<Object> key : keys) {
                ordered.positionsWithPrefix(key, positions::add);
            }
        });
    }
}
