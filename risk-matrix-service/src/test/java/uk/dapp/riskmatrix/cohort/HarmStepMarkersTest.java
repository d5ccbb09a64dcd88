package uk.dapp.riskmatrix.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A step's markers on the harm tallies: unmarking takes off that step's marker only, and again
 * changes nothing; a retired step keeps its markers until it is forgotten, retired again it keeps its
 * first time and gains the new tallies, and forgetting takes off the markers of the steps retired
 * before the time given only. (The steps here are retired in the future, where the service's own
 * upkeep, which forgets steps retired a day ago, never reaches them.)
 */
@ServiceTest
class HarmStepMarkersTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    HarmStepMarkers markers;
    String prefix;
    List<String> steps = new ArrayList<>();

    @BeforeEach
    void setUp() {
        markers = new HarmStepMarkers(mongo);
        prefix = "markers-test-" + UUID.randomUUID() + "-";
    }

    @AfterEach
    void removeWhatThisTestMade() {
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + prefix)), HarmTally.COLLECTION);
        mongo.remove(Query.query(Criteria.where("_id").in(steps)), HarmStepMarkers.RetiredStep.class);
    }

    @Test
    void unmarkingTakesOffThatStepsMarkerOnlyAndAgainChangesNothing() {
        String tally = tally("a", "A", "B");
        markers.unmark(Map.of(step("A"), List.of(tally)));
        assertThat(applied(tally)).containsExactly(step("B"));
        markers.unmark(Map.of(step("A"), List.of(tally)));
        markers.unmark(Map.of());
        assertThat(applied(tally)).containsExactly(step("B"));
    }

    @Test
    void aRetiredStepKeepsItsMarkersUntilForgottenAndOnlyTheStepsRetiredBeforeTheTimeGiven() {
        String first = tally("first", "A", "B", "other");
        String second = tally("second", "A");
        String third = tally("third", "B");
        Instant at = clock.instant().plus(Duration.ofDays(3_650)).truncatedTo(ChronoUnit.MILLIS);

        markers.retire(Map.of(step("A"), List.of(first)), at);
        markers.retire(Map.of(step("A"), List.of(second)), at.plus(Duration.ofHours(1)));
        markers.retire(Map.of(step("B"), List.of(first, third)), at.plus(Duration.ofHours(2)));
        HarmStepMarkers.RetiredStep a = mongo.findById(step("A"), HarmStepMarkers.RetiredStep.class);
        assertThat(a.retiredAt()).as("retired again: its first time").isEqualTo(at);
        assertThat(a.tallies()).containsExactlyInAnyOrder(first, second);
        assertThat(applied(first)).as("retiring takes nothing off").contains(step("A"), step("B"));

        assertThat(markers.forgetRetiredSteps(at.plus(Duration.ofMinutes(1)))).isPositive();
        assertThat(applied(first)).containsExactlyInAnyOrder(step("B"), step("other"));
        assertThat(applied(second)).isEmpty();
        assertThat(applied(third)).containsExactly(step("B"));
        assertThat(mongo.findById(step("A"), HarmStepMarkers.RetiredStep.class)).isNull();
        assertThat(mongo.findById(step("B"), HarmStepMarkers.RetiredStep.class)).isNotNull();

        assertThat(markers.forgetRetiredSteps(at.plus(Duration.ofHours(3)))).isPositive();
        assertThat(applied(first)).containsExactly(step("other"));
        assertThat(applied(third)).isEmpty();
        assertThat(mongo.findById(step("B"), HarmStepMarkers.RetiredStep.class)).isNull();
    }

    /** A tally named by this test, carrying the markers of these steps. */
    private String tally(String name, String... markedBy) {
        String id = prefix + name;
        List<String> applied = new ArrayList<>();
        for (String step : markedBy) {
            applied.add(step(step));
        }
        // no area or period: no read of the trend finds it
        mongo.insert(new Document("_id", id).append("applied", applied), HarmTally.COLLECTION);
        return id;
    }

    private String step(String name) {
        String step = prefix + name + "#0";
        if (!steps.contains(step)) {
            steps.add(step);
        }
        return step;
    }

    private List<String> applied(String tally) {
        Document found = mongo.findById(tally, Document.class, HarmTally.COLLECTION);
        return found.getList("applied", String.class, List.of());
    }
}
