package uk.dapp.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which queries the embedded store answers through an index: the shapes the services send (a case's
 * documents, a conjunction built with {@code $and}, a caseload's {@code $or}, an audit time range)
 * find exactly their documents' positions; what the planner does not understand, or what would
 * visit most of the collection, falls back to a scan. (That results never change is
 * {@link IndexedQueriesPropertyTest}'s job.)
 */
class IndexPlannerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private MVStore store;
    private List<Index<Object>> indexes;
    private long size;

    @BeforeEach
    void indexSomeAuditRecords() {
        store = MVStore.open(null);
        SecondaryIndex byCase = index("caseId", List.of(new IndexKey("caseId", true)));
        SecondaryIndex byUserTime = index("user_time", List.of(new IndexKey("userId", true), new IndexKey("at", true)));
        SecondaryIndex byTeam = index("team", List.of(new IndexKey("team", true)));
        indexes = List.of(byCase, byUserTime, byTeam);
        for (int i = 0; i < 1_000; i++) {
            Document record = new Document("_id", "r" + i)
                    .append("caseId", "C" + (i % 100))
                    .append("userId", "u" + (i % 10))
                    .append("at", T0.plusSeconds(i))
                    .append("team", "north");
            for (Index<Object> index : indexes) {
                index.add(record, record.get("_id"), null);
            }
            size++;
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private SecondaryIndex index(String name, List<IndexKey> keys) {
        MVMap<IndexEntry, Boolean> map =
                store.openMap(name, new MVMap.Builder<IndexEntry, Boolean>().keyType(IndexEntryType.INSTANCE));
        return new SecondaryIndex(name, keys, false, map, "_id");
    }

    private Set<Object> positions(Document query) {
        IndexPlanner.Plan plan = IndexPlanner.choose(query, indexes, size);
        assertThat(plan).as("a plan for %s", query).isNotNull();
        Set<Object> found = new HashSet<>();
        plan.collect(found);
        return found;
    }

    @Test
    void aCasesDocumentsAreFoundThroughTheIndexAlone() {
        assertThat(positions(new Document("caseId", "C7"))).hasSize(10).allMatch(p -> ((String) p).endsWith("7"));
        // Spring's Criteria.andOperator and the audit filter wrap conditions in $and
        assertThat(positions(new Document(
                        "$and",
                        List.of(new Document("caseId", "C7"), new Document("action", new Document("$ne", "READ"))))))
                .hasSize(10);
        assertThat(IndexPlanner.choose(new Document("caseId", "C7"), indexes, size)
                        .estimate())
                .isEqualTo(10);
    }

    @Test
    void inListsAndOrsOfIndexedBranchesAreUnions() {
        assertThat(positions(new Document("caseId", new Document("$in", List.of("C1", "C2")))))
                .hasSize(20);
        assertThat(positions(new Document("$or", List.of(new Document("caseId", "C1"), new Document("userId", "u3")))))
                .hasSize(10 + 100 - 0);
    }

    @Test
    void anEmptyInListMatchesNothingWithoutAScan() {
        // what CaseScope.criteria sends for a caller in no team, and the caseload for a facilitator of no group
        assertThat(positions(new Document("caseId", new Document("$in", List.of()))))
                .isEmpty();
        assertThat(positions(new Document(
                        "$or",
                        List.of(new Document("userId", "u1"), new Document("caseId", new Document("$in", List.of()))))))
                .hasSize(100);
    }

    @Test
    void aBoundAfterAnEqualityPrefixIsARange() {
        // user u3's records at or after T0+900 s: 903, 913, ..., 993
        assertThat(positions(new Document("userId", "u3").append("at", new Document("$gte", T0.plusSeconds(900)))))
                .hasSize(10);
        // a range on the first field alone
        assertThat(IndexPlanner.choose(new Document("at", new Document("$lt", T0.plusSeconds(5))), indexes, size))
                .isNull(); // no index leads with "at" here
    }

    @Test
    void whatAnIndexCannotAnswerOrWouldMostlyVisitIsScanned() {
        assertThat(IndexPlanner.choose(new Document("caseId", new BsonRegularExpression("^C7$", "i")), indexes, size))
                .isNull();
        assertThat(IndexPlanner.choose(new Document("caseId", null), indexes, size))
                .isNull();
        assertThat(IndexPlanner.choose(new Document("caseId", new Document("$ne", "C7")), indexes, size))
                .isNull();
        assertThat(IndexPlanner.choose(
                        new Document("$or", List.of(new Document("caseId", "C1"), new Document("reason", "x"))),
                        indexes,
                        size))
                .as("one branch unindexed")
                .isNull();
        assertThat(IndexPlanner.choose(new Document("team", "north"), indexes, size))
                .as("every record")
                .isNull();
        assertThat(IndexPlanner.choose(new Document(), indexes, size)).isNull();
    }

    @Test
    void theLeadingFieldsOfACompoundUniqueIndexFindTheirDocuments() {
        // a track's outcomes by track ID alone, as the evaluator export reads them: unique on (trackId, point)
        MVMap<KeyValue, Object> map =
                store.openMap("track_point", new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        OrderedUniqueIndex trackPoint = new OrderedUniqueIndex(
                "track_point", List.of(new IndexKey("trackId", true), new IndexKey("point", true)), false, map);
        for (int i = 0; i < 300; i++) {
            Document outcome = new Document("_id", "o" + i)
                    .append("trackId", "T" + (i / 3))
                    .append("point", List.of("INTAKE", "MIDWAY", "EXIT").get(i % 3));
            trackPoint.add(outcome, outcome.get("_id"), null);
        }
        List<Index<Object>> unique = List.of(trackPoint);
        IndexPlanner.Plan plan = IndexPlanner.choose(
                new Document("trackId", "T7").append("recordedAt", new Document("$lte", T0)), unique, 300);
        assertThat(plan).isNotNull();
        assertThat(plan.estimate()).isEqualTo(3);
        Set<Object> found = new HashSet<>();
        plan.collect(found);
        assertThat(found).containsExactlyInAnyOrder("o21", "o22", "o23");
        // T1 sorts before T10..T19 and T100: only its own three
        Set<Object> t1 = new HashSet<>();
        IndexPlanner.choose(new Document("trackId", "T1"), unique, 300).collect(t1);
        assertThat(t1).containsExactlyInAnyOrder("o3", "o4", "o5");
        assertThat(IndexPlanner.choose(new Document("point", "EXIT"), unique, 300))
                .as("not the leading field")
                .isNull();
    }
}
