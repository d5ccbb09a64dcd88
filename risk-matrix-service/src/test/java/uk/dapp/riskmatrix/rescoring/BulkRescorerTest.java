package uk.dapp.riskmatrix.rescoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
import uk.dapp.riskmatrix.cohort.RankedNominal;
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
 * collection name added), and reported progress must add up. Over many batches, every score is the
 * scorer's own and every cohort line the one an ordinary refresh writes.
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

    @Test
    void overManyBatchesEveryResultIsTheRulesOwn() throws Exception {
        TestApi api = new TestApi(mvc);
        String area = "Batchshire-" + UUID.randomUUID().toString().substring(0, 8);
        String[] offences = {"EX-STALKING", "EX-ABH", "EX-COERCIVE-CONTROL"};
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String caseId = api.register(area);
            for (int n = 0; n < i % 4; n++) {
                api.addDaIncident(
                        caseId, LocalDate.now().minusDays(20 + 70L * n + i), offences[(i + n) % 3], "VK-" + n);
            }
            ours.add(caseId);
        }
        api.decideAsOffenderManager(ours.get(1), "CATCH_AND_CONVICT");
        api.decideAsOffenderManager(ours.get(6), "ENGAGE");
        // later than every score written so far, to the millisecond the store keeps
        Clock later = Clock.fixed(
                Instant.now().plusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
        List<Long> progress = new ArrayList<>();

        // batches of 3: many batches
        BulkRescorer.Outcome outcome = new BulkRescorer(mongo, rankings, later, 3)
                .run(referenceData.current(), (processed, changed) -> progress.add(processed));

        long nominals = mongo.getCollection("nominals").countDocuments();
        assertThat(outcome.processed()).isEqualTo(nominals);
        assertThat(outcome.changed()).isEqualTo(nominals);
        assertThat(progress).isSorted().hasSize((int) ((nominals + 2) / 3));
        assertThat(progress.get(progress.size() - 1)).isEqualTo(nominals);
        List<RankedNominal> fromTheRescoring = new ArrayList<>();
        for (String caseId : ours) {
            Nominal nominal = mongo.findById(caseId, Nominal.class);
            Score expected = Scorer.score(
                    referenceData.current(),
                    nominal.dateOfBirth(),
                    nominal.incidentsOrEmpty(),
                    LocalDate.now(later),
                    later.instant());
            assertThat(nominal.score()).isEqualTo(expected);
            assertThat(nominal.scoreHistoryOrEmpty()
                            .get(nominal.scoreHistoryOrEmpty().size() - 1))
                    .isEqualTo(expected.historyEntry(ScoreHistoryEntry.BULK_RESCORING));
            fromTheRescoring.add(mongo.findById(caseId, RankedNominal.class));
        }
        rankings.refresh(ours); // the straightforward way: every nominal and routing read again
        for (int i = 0; i < ours.size(); i++) {
            assertThat(fromTheRescoring.get(i))
                    .usingRecursiveComparison()
                    .ignoringFields("version")
                    .isEqualTo(mongo.findById(ours.get(i), RankedNominal.class));
            assertThat(fromTheRescoring.get(i).calculatedAt()).isEqualTo(later.instant());
        }
    }
}
