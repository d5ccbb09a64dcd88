package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A compound unique index read by its leading fields (outcomes unique on track ID and point, read by
 * track ID): the plan's estimate is the number of entries under the prefixes, and it finds exactly
 * their documents, whatever sorts next to a prefix; with no prefix, or an index that keeps no order,
 * there is no plan.
 */
class UniquePrefixPlannerTest {

    private static final List<String> POINTS = List.of("INTAKE", "MIDWAY", "EXIT");

    private MVStore store;
    private OrderedUniqueIndex trackPoint;

    @BeforeEach
    void indexThreeOutcomesOfEachOfAHundredTracks() {
        store = MVStore.open(null);
        MVMap<KeyValue, Object> map =
                store.openMap("track_point", new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        trackPoint = new OrderedUniqueIndex(
                "track_point", List.of(new IndexKey("trackId", true), new IndexKey("point", true)), false, map);
        for (int i = 0; i < 300; i++) {
            Document outcome = new Document("_id", "o" + i)
                    .append("trackId", "T" + (i / 3))
                    .append("point", POINTS.get(i % 3));
            trackPoint.add(outcome, outcome.get("_id"), null);
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachPrefixFindsItsOwnEntriesAndNoneThatSortNextToIt() {
        // T1 sorts just before T10..T19 and T100
        IndexPlanner.Plan plan = UniquePrefixPlanner.plan(
                List.of(new Document("trackId", "T1"), new Document("trackId", "T42")), trackPoint);
        assertThat(plan).isNotNull();
        assertThat(plan.estimate()).isEqualTo(6);
        assertThat(positions(plan)).containsExactlyInAnyOrder("o3", "o4", "o5", "o126", "o127", "o128");
    }

    @Test
    void aPrefixWithNoEntriesAndNoPrefixesAtAllFindNothing() {
        IndexPlanner.Plan unknown = UniquePrefixPlanner.plan(List.of(new Document("trackId", "T1000")), trackPoint);
        assertThat(unknown.estimate()).isZero();
        assertThat(positions(unknown)).isEmpty();
        IndexPlanner.Plan none = UniquePrefixPlanner.plan(List.of(), trackPoint);
        assertThat(none.estimate()).isZero();
        assertThat(positions(none)).isEmpty();
    }

    @Test
    void withNoLeadingValueOrAnIndexKeepingNoOrderThereIsNoPlan() {
        assertThat(UniquePrefixPlanner.plan(List.of(new Document()), trackPoint))
                .as("no leading field's value")
                .isNull();
        assertThat(UniquePrefixPlanner.plan(List.of(new Document("trackId", "T1")), unordered()))
                .as("the library's in-memory unique index")
                .isNull();
    }

    @SuppressWarnings("unchecked") // the planner only asks which kind of index it is given, never for a position
    private static AbstractUniqueIndex<Object> unordered() {
        return (AbstractUniqueIndex<Object>) (AbstractUniqueIndex<?>) new MemoryUniqueIndex(
                "track_point", List.of(new IndexKey("trackId", true), new IndexKey("point", true)), false);
    }

    private static List<Object> positions(IndexPlanner.Plan plan) {
        List<Object> found = new ArrayList<>();
        plan.collect(found);
        return found;
    }
}
