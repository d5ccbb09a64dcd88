package uk.dapp.riskmatrix.rescoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/**
 * The bulk rescoring writes through the driver, not Spring's bulk operations: what it stores must
 * be exactly what Spring's own mapping of the same update of a {@link Nominal} stores (the stored
 * score no longer carries a {@code _class} key, which Spring's bulk operations over the bare
 * collection name added), and reported progress must add up.
 */
@ServiceTest
class BulkRescorerTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-11-30T10:15:30.123Z"), ZoneOffset.UTC);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReferenceDataService referenceData;

    @Autowired
    CohortRankings rankings;

    @Test
    void storesWhatSpringsMappingOfTheSameUpdateStores() throws Exception {
        TestApi api = new TestApi(mvc);
        String caseId = api.register("Bulkshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(3), "EX-STALKING", "VK-B");
        List<Long> progress = new ArrayList<>();

        new BulkRescorer(mongo, rankings, FIXED)
                .run(referenceData.current(), (processed, changed) -> progress.add(processed));

        Document stored =
                mongo.getCollection("nominals").find(Filters.eq("_id", caseId)).first();
        Document written = stored.get("score", Document.class);
        List<?> history = stored.getList("scoreHistory", Object.class);
        Document pushed = (Document) history.get(history.size() - 1);

        // the same score, set and pushed through MongoTemplate's update mapping of the entity (as an
        // incident's rescoring writes it), for comparison
        ScoringSubject subject =
                mongo.findOne(Query.query(Criteria.where("_id").is(caseId)), ScoringSubject.class, "nominals");
        List<Incident> incidents = subject.incidents();
        Score score = Scorer.score(
                referenceData.current(), subject.dateOfBirth(), incidents, LocalDate.now(FIXED), FIXED.instant());
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update()
                        .set("score", score)
                        .push("scoreHistory", score.historyEntry(ScoreHistoryEntry.BULK_RESCORING)),
                Nominal.class);
        Document viaSpring =
                mongo.getCollection("nominals").find(Filters.eq("_id", caseId)).first();
        List<?> springHistory = viaSpring.getList("scoreHistory", Object.class);

        assertThat(written).isEqualTo(viaSpring.get("score", Document.class)).doesNotContainKey("_class");
        assertThat(pushed).isEqualTo(springHistory.get(springHistory.size() - 1));
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(progress.size() - 1))
                .isEqualTo(mongo.getCollection("nominals").countDocuments());
    }
}
