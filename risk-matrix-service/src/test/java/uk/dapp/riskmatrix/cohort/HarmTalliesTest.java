package uk.dapp.riskmatrix.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.api.model.CohortHarmDto;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.rescoring.BulkRescorer;
import uk.dapp.riskmatrix.routing.Routing;

/**
 * The harm trend's running tallies always add up to the trend recomputed from the cohort lines, and
 * from the nominals themselves: after decisions, incidents, decisions moved behind the service's
 * back and refreshed, bulk rescorings (repeated), repeated refreshes and settles, concurrent
 * incidents and refreshes of the same nominals, and a holder that stopped half-way through adding a
 * change (taken over once its claim is old, each tally changed once).
 */
@ServiceTest
class HarmTalliesTest {

    private static final String[] OFFENCES = {
        "EX-CRIM-DAMAGE", "EX-HARASSMENT", "EX-STALKING", "EX-ABH", "EX-COERCIVE-CONTROL", "EX-STRANGULATION"
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CohortRankings rankings;

    @Autowired
    HarmTallies tallies;

    @Autowired
    ReferenceDataService referenceData;

    @Autowired
    Clock clock;

    TestApi api;
    String north;
    String south;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        north = "North-" + suffix;
        south = "South-" + suffix;
    }

    @Test
    void theTalliesEqualARecomputationAfterDecisionsRescoringAndRepeatedUpdates() throws Exception {
        List<String> all = population(new Random(41));
        assertTalliesEqualRecomputation();
        assertThat(tallied().members()).isPositive();
        assertThat(tallied().before()).isPositive();
        assertThat(tallied().now()).isPositive();

        // more incidents and decisions after the first ones
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < all.size(); i += 3) {
            api.addDaIncident(all.get(i), today.minusDays(i), OFFENCES[i % OFFENCES.length], "VK-9");
        }
        api.decideAsOffenderManager(all.get(1), "CATCH_AND_CONVICT");
        assertTalliesEqualRecomputation();

        // bulk rescoring, twice, later the same day: the lines are rewritten, the tallies must not move
        CohortService.Harm beforeRescoring = tallied();
        Clock later = Clock.offset(clock, Duration.ofMinutes(5));
        new BulkRescorer(mongo, rankings, later).run(referenceData.current(), (processed, changed) -> {});
        new BulkRescorer(mongo, rankings, later).run(referenceData.current(), (processed, changed) -> {});
        assertThat(tallied()).isEqualTo(beforeRescoring);
        assertTalliesEqualRecomputation();

        // repeated refreshes and settles change nothing
        rankings.refresh(all);
        rankings.refresh(all);
        tallies.settle(all);
        tallies.settle(all);
        assertThat(tallied()).isEqualTo(beforeRescoring);
        assertTalliesEqualRecomputation();
        assertThat(markersLeft()).as("no step marker left on a tally").isZero();
    }

    @Test
    void concurrentIncidentsAndRefreshesOfTheSameNominalsLoseNothingAndCountNothingTwice() throws Exception {
        List<String> nominals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String caseId = api.register(i % 2 == 0 ? north : south);
            api.addDaIncident(caseId, LocalDate.now(clock).minusDays(400), "EX-ABH", "VK-0");
            api.decideAsOffenderManager(caseId, i % 2 == 0 ? "ENGAGE" : "CATCH_AND_CONVICT");
            nominals.add(caseId);
        }
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String caseId = nominals.get(i % nominals.size());
                String body = TestApi.incident(
                        LocalDate.now(clock).minusDays(3L * i), OFFENCES[i % OFFENCES.length], "VK-" + i, "HIGH", true);
                work.add(() -> {
                    int status;
                    do {
                        status = api.addIncident(caseId, body)
                                .andReturn()
                                .getResponse()
                                .getStatus();
                    } while (status == 409);
                    return status;
                });
                if (i % 3 == 0) {
                    work.add(() -> {
                        // as a write does: a storm of concurrent writes to one line is retried
                        while (true) {
                            try {
                                rankings.refresh(nominals);
                                return 201;
                            } catch (org.springframework.dao.OptimisticLockingFailureException storm) {
                                Thread.onSpinWait();
                            }
                        }
                    });
                    work.add(() -> {
                        tallies.settle(nominals);
                        return 201;
                    });
                }
            }
            for (Future<Integer> done : six.invokeAll(work)) {
                assertThat(done.get()).isEqualTo(201);
            }
        } finally {
            six.shutdown();
        }
        // anything left claimed by a caller that gave up is settled by the next look
        tallies.settle(nominals);
        assertTalliesEqualRecomputation();
        assertThat(tallied().members()).isEqualTo(4);
        assertThat(markersLeft()).isZero();
    }

    @Test
    void aChangeLeftHalfAddedByAStoppedHolderIsFinishedOnceItsClaimIsOld() throws Exception {
        String caseId = api.register(north);
        LocalDate today = LocalDate.now(clock);
        api.addDaIncident(caseId, today.minusDays(30), "EX-STRANGULATION", "VK-1");
        api.addDaIncident(caseId, today.minusDays(90), "EX-ABH", "VK-2");
        api.addDaIncident(caseId, today.minusDays(200), "EX-STALKING", "VK-3");
        api.decideAsOffenderManager(caseId, "ENGAGE");
        CohortService.Harm settled = tallied();
        assertTalliesEqualRecomputation();

        // take the line's contribution back out of the tallies, as if it had never been added...
        HarmTallies.TrendState line = state(caseId);
        TrendContribution held = line.trendInSums();
        assertThat(held).isNotNull();
        increment(HarmTallyRules.changes(held, null), null);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update().unset("trendInSums").inc("version", 1),
                RankedNominal.COLLECTION);
        // ...then a holder claimed it, added it to the first tally only, and stopped
        List<HarmTallyRules.TallyChange> changes = HarmTallyRules.changes(null, held);
        assertThat(changes).hasSizeGreaterThan(1);
        String step = caseId + "#" + line.step();
        increment(changes.subList(0, 1), step);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update()
                        .set("trendClaim", new HarmTallies.Claim("stopped", clock.instant(), held))
                        .inc("version", 1),
                RankedNominal.COLLECTION);

        tallies.settle(List.of(caseId));
        assertThat(state(caseId).trendClaim().holder())
                .as("a recent claim is left to its holder")
                .isEqualTo("stopped");

        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update()
                        .set(
                                "trendClaim",
                                new HarmTallies.Claim(
                                        "stopped", clock.instant().minus(HarmTallies.LEASE.plusSeconds(1)), held))
                        .inc("version", 1),
                RankedNominal.COLLECTION);
        tallies.settle(List.of(caseId));
        tallies.settle(List.of(caseId));

        assertThat(state(caseId).trendClaim()).isNull();
        assertThat(state(caseId).trendInSums()).isEqualTo(held);
        assertThat(tallied()).isEqualTo(settled);
        assertTalliesEqualRecomputation();

        // the holder had only stalled: it wakes and sends the rest of its additions, which the
        // taken-over step's markers refuse
        for (HarmTallyRules.TallyChange change : changes) {
            HarmTallies.Addition late = HarmTallies.addition(change, step);
            mongo.updateFirst(late.query(), late.update(), HarmTally.COLLECTION);
        }
        assertThat(tallied()).as("a stalled holder's late additions").isEqualTo(settled);
        assertTalliesEqualRecomputation();

        // the markers stay for a day, then go
        assertThat(markersLeft()).isEqualTo(changes.size());
        assertThat(tallies.forgetRetiredSteps(clock.instant().minus(HarmStepMarkers.RETIRED_MARKERS_KEPT)))
                .isZero();
        assertThat(markersLeft()).isEqualTo(changes.size());
        assertThat(tallies.forgetRetiredSteps(clock.instant().plusSeconds(1))).isEqualTo(1);
        assertThat(markersLeft()).isZero();
        assertThat(tallied()).isEqualTo(settled);
    }

    @Test
    void aClaimLeftByAStoppedServiceIsSettledByTheUpkeepWithoutAnotherWriteOfItsLine() throws Exception {
        String caseId = api.register(south);
        LocalDate today = LocalDate.now(clock);
        api.addDaIncident(caseId, today.minusDays(20), "EX-HARASSMENT", "VK-1");
        api.addDaIncident(caseId, today.minusDays(400), "EX-ABH", "VK-2");
        api.decideAsOffenderManager(caseId, "CATCH_AND_CONVICT");
        CohortService.Harm settled = tallied();

        // the line's contribution taken back out, and a claim on adding it left by a service that
        // stopped before adding anything (restarted within the lease, so its start-up check left it)
        HarmTallies.TrendState line = state(caseId);
        TrendContribution held = line.trendInSums();
        increment(HarmTallyRules.changes(held, null), null);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update()
                        .unset("trendInSums")
                        .set(
                                "trendClaim",
                                new HarmTallies.Claim(
                                        "stopped", clock.instant().minus(HarmTallies.LEASE.plusSeconds(1)), held))
                        .inc("version", 1),
                RankedNominal.COLLECTION);
        assertThat(tallied()).isNotEqualTo(settled);

        assertThat(tallies.settleAbandoned()).isGreaterThanOrEqualTo(1);

        assertThat(state(caseId).trendClaim()).isNull();
        assertThat(state(caseId).trendInSums()).isEqualTo(held);
        assertThat(tallied()).isEqualTo(settled);
        assertTalliesEqualRecomputation();
    }

    @Test
    void anOffenceCodeWithADotOrADollarIsAFieldNameAndBackAgain() {
        for (String code : List.of("EX-ABH", "S.47", "$where", "50%.$")) {
            assertThat(HarmTallyRules.offenceCode(HarmTallyRules.fieldName(code)))
                    .isEqualTo(code);
            assertThat(HarmTallyRules.fieldName(code)).doesNotContain(".").doesNotStartWith("$");
        }
    }

    private void increment(List<HarmTallyRules.TallyChange> changes, String step) {
        for (HarmTallyRules.TallyChange change : changes) {
            Update update = new Update().set("areaKey", change.areaKey()).set("period", change.period());
            change.increments().forEach(update::inc);
            if (step != null) {
                update.push("applied", step);
            }
            mongo.upsert(Query.query(Criteria.where("_id").is(change.id())), update, HarmTally.COLLECTION);
        }
    }

    private HarmTallies.TrendState state(String caseId) {
        return mongo.findById(caseId, HarmTallies.TrendState.class, RankedNominal.COLLECTION);
    }

    private List<String> areaKeys() {
        return List.of(north.toLowerCase(Locale.ROOT), south.toLowerCase(Locale.ROOT));
    }

    private CohortService.Harm tallied() {
        return tallies.read(areaKeys(), referenceData.current(), LocalDate.now(clock));
    }

    private long markersLeft() {
        long left = 0;
        for (Document tally : mongo.getCollection(HarmTally.COLLECTION)
                .find(new Document("areaKey", new Document("$in", areaKeys())))) {
            left += tally.getList("applied", String.class, List.of()).size();
        }
        return left;
    }

    private void assertTalliesEqualRecomputation() {
        LocalDate today = LocalDate.now(clock);
        CohortService.Harm fromTallies = tallied();
        assertThat(fromTallies)
                .as("tallies against the lines")
                .isEqualTo(HarmFromLines.harm(mongo, areaKeys(), referenceData.current(), today));
        CohortHarmDto fromNominals = new PreviousCohortComputation(mongo)
                .harm(CaseScope.only(List.of(north, south)), referenceData.current(), today);
        assertThat(new CohortService.Harm(
                        fromNominals.getMembers(), fromNominals.getHarmDaysBefore(), fromNominals.getHarmDaysNow()))
                .as("tallies against the nominals")
                .isEqualTo(fromTallies);
    }

    /** Two areas, some nominals decided now and some long ago (their "before" window in the past). */
    private List<String> population(Random random) throws Exception {
        List<String> caseIds = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 18; i++) {
            String caseId = api.register(i % 3 == 0 ? south : north);
            caseIds.add(caseId);
            for (int n = random.nextInt(4); n > 0; n--) {
                api.addDaIncident(
                        caseId,
                        today.minusDays(random.nextInt(900)),
                        OFFENCES[random.nextInt(OFFENCES.length)],
                        "VK-" + random.nextInt(3));
            }
        }
        for (int i = 0; i < 18; i += 2) {
            api.decideAsOffenderManager(caseIds.get(i), i % 4 == 0 ? "ENGAGE" : "CATCH_AND_CONVICT");
        }
        List<String> decidedLongAgo = new ArrayList<>();
        for (int i = 2; i < 18; i += 4) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(caseIds.get(i))),
                    new Update().set("firstDecidedAt", Instant.now().minus(150 + 40L * i, ChronoUnit.DAYS)),
                    Routing.class);
            decidedLongAgo.add(caseIds.get(i));
        }
        rankings.refresh(decidedLongAgo);
        return caseIds;
    }
}
