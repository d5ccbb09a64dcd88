package uk.dapp.riskmatrix.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;
import uk.dapp.riskmatrix.api.model.CohortHarmDto;
import uk.dapp.riskmatrix.api.model.CohortPageDto;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.rescoring.BulkRescorer;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.values.RoutingStatus;

/**
 * The cohort read from the cohort lines answers exactly what the previous computation (straight from
 * the nominals and routings) answered, for a varied population written through the API (ties,
 * decisions, a reference area typed in another case); concurrent incidents leave every line right;
 * the start-up backfill gives an upgraded store its lines, once; the bulk rescoring's lines, made
 * without reading the nominals again, are those an ordinary refresh makes.
 */
@ServiceTest
class CohortLinesTest {

    private static final String OM = "offender-manager";
    private static final String[] OFFENCES = {
        "EX-CRIM-DAMAGE", "EX-HARASSMENT", "EX-STALKING", "EX-ABH", "EX-COERCIVE-CONTROL", "EX-STRANGULATION"
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CohortRankings rankings;

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
    void answersWhatThePreviousComputationAnsweredForAVariedPopulation() throws Exception {
        List<String> all = population(new Random(17));
        PreviousCohortComputation previous = new PreviousCohortComputation(mongo);
        CaseScope scope = CaseScope.only(List.of(north, south));
        Random random = new Random(71);
        String[] areas = {null, north, south, north.toUpperCase(), " " + south.toLowerCase() + " "};
        Boolean[] serials = {null, true, false};
        RoutingStatus[] statuses = {
            null,
            RoutingStatus.AWAITING_DECISION,
            RoutingStatus.ENGAGED,
            RoutingStatus.CATCH_AND_CONVICT,
            RoutingStatus.AWAITING_REROUTING
        };
        Integer[] thresholds = {null, 0, 1, 8, 15, 25};
        Integer[] tops = {null, null, 3, 11};
        int[][] pages = {{0, 20}, {0, 200}, {1, 5}, {2, 7}, {3, 3}, {40, 5}};
        List<String> everyPage = new ArrayList<>();
        for (int page = 0; page < all.size() / 6 + 2; page++) {
            everyPage.add(compare(previous, scope, new CohortFilter(null, null, null, null, null), page, 6)
                    .toString());
        }
        for (int i = 0; i < 120; i++) {
            int[] paging = pages[random.nextInt(pages.length)];
            compare(
                    previous,
                    scope,
                    new CohortFilter(
                            thresholds[random.nextInt(thresholds.length)],
                            tops[random.nextInt(tops.length)],
                            areas[random.nextInt(areas.length)],
                            serials[random.nextInt(serials.length)],
                            statuses[random.nextInt(statuses.length)]),
                    paging[0],
                    paging[1]);
        }
        assertThat(String.join("", everyPage))
                .as("every nominal ranked once across the pages")
                .contains(all.toArray(String[]::new));

        CohortHarmDto harm = JSON.readValue(call("/cohort/harm"), CohortHarmDto.class);
        assertThat(harm).isEqualTo(previous.harm(scope, referenceData.current(), LocalDate.now(clock)));
        assertThat(harm.getMembers()).isPositive();
        assertThat(harm.getHarmDaysBefore()).isPositive();
    }

    @Test
    void concurrentIncidentsLeaveEveryLineRight() throws Exception {
        List<String> nominals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            nominals.add(api.register(north));
        }
        api.decideAsOffenderManager(nominals.get(0), "CATCH_AND_CONVICT");
        ExecutorService six = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> writes = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String caseId = nominals.get(i % 3);
                String body = TestApi.incident(
                        LocalDate.now().minusDays(i), OFFENCES[i % OFFENCES.length], "VK-" + i, "HIGH", true);
                // a 409 (kept changing concurrently) is retried, as a client would: nothing may be lost
                writes.add(() -> {
                    int status;
                    do {
                        status = api.addIncident(caseId, body)
                                .andReturn()
                                .getResponse()
                                .getStatus();
                    } while (status == 409);
                    return status;
                });
            }
            for (Future<Integer> done : six.invokeAll(writes)) {
                assertThat(done.get()).isEqualTo(201);
            }
        } finally {
            six.shutdown();
        }
        for (String caseId : nominals) {
            Nominal nominal = mongo.findById(caseId, Nominal.class);
            assertThat(nominal.incidentsOrEmpty()).hasSize(8);
            assertThat(storedLine(caseId)).isEqualTo(expectedLine(caseId));
            assertThat(storedLine(caseId).total()).isEqualTo(nominal.score().total());
        }
        assertThat(storedLine(nominals.get(0)).harmFigures()).hasSize(8);
    }

    @Test
    void theStartUpCheckGivesAnUpgradedStoreItsLinesAndCatchesUpLinesLeftBehind() throws Exception {
        List<String> all = population(new Random(5));
        rankings.backfill(); // whatever other tests left behind their service's back
        List<String> lost = all.subList(0, all.size() / 2);
        List<RankedNominal> before = lost.stream().map(this::storedLine).toList();
        // a store from before the lines existed: the nominals are there, their lines are not
        mongo.remove(Query.query(Criteria.where("_id").in(lost)), RankedNominal.class);
        assertThat(mongo.count(
                        Query.query(Criteria.where("areaKey").in(north.toLowerCase(), south.toLowerCase())),
                        RankedNominal.class))
                .isEqualTo(all.size() - lost.size());
        // and a stop between writes and their refresh: a status copied, a score rewritten in bulk
        String copied = all.get(all.size() - 1);
        String rescored = all.get(all.size() - 2);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(copied)),
                new Update().set("routingStatus", RoutingStatus.AWAITING_REROUTING),
                Nominal.class);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(rescored)),
                new Update().set("score.calculatedAt", Instant.now()).set("score.total", 99),
                Nominal.class);

        assertThat(rankings.backfill()).isEqualTo(lost.size() + 2);
        assertThat(rankings.backfill()).as("run again: nothing left to write").isZero();

        for (int i = 0; i < lost.size(); i++) {
            RankedNominal again = storedLine(lost.get(i));
            assertThat(again.over(null)).isEqualTo(before.get(i).over(null));
        }
        assertThat(storedLine(copied).routingStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThat(storedLine(rescored).total()).isEqualTo(99);
        assertThat(storedLine(copied)).isEqualTo(expectedLine(copied));
        assertThat(storedLine(rescored)).isEqualTo(expectedLine(rescored));
    }

    @Test
    void theStartUpCheckDropsTheNominalsRankingIndexFromBeforeTheLines() throws Exception {
        mongo.indexOps(Nominal.class)
                .createIndex(new Index()
                        .on("score.total", Sort.Direction.DESC)
                        .on("score.harmDays", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.ASC)
                        .named(CohortBackfill.OLD_RANKING_INDEX));
        assertThat(mongo.indexOps(Nominal.class).getIndexInfo())
                .anyMatch(index -> index.getName().equals(CohortBackfill.OLD_RANKING_INDEX));

        new CohortBackfill(rankings, mongo).run(null);
        new CohortBackfill(rankings, mongo).run(null); // again: nothing left to drop

        assertThat(mongo.indexOps(Nominal.class).getIndexInfo())
                .noneMatch(index -> index.getName().equals(CohortBackfill.OLD_RANKING_INDEX))
                .anyMatch(index -> index.getName().equals("id_version"));
    }

    @Test
    void theBulkRescoringWritesTheLinesAnOrdinaryRefreshWrites() throws Exception {
        List<String> all = population(new Random(23));
        // later than the population's scores, so every line the rescoring writes differs from before
        Clock later = Clock.offset(clock, java.time.Duration.ofMinutes(5));

        new BulkRescorer(mongo, rankings, later).run(referenceData.current(), (processed, changed) -> {});

        List<RankedNominal> fromTheRescoring =
                all.stream().map(this::storedLine).map(line -> line.over(null)).toList();
        rankings.refresh(all); // the straightforward way: every nominal and routing read again
        for (int i = 0; i < all.size(); i++) {
            RankedNominal refreshed = storedLine(all.get(i));
            assertThat(fromTheRescoring.get(i)).isEqualTo(refreshed.over(null));
            assertThat(refreshed.calculatedAt())
                    .isEqualTo(mongo.findById(all.get(i), Nominal.class).score().calculatedAt());
        }
        assertThat(fromTheRescoring).allMatch(line -> line.calculatedAt().isAfter(clock.instant()));
    }

    @Test
    void aLineIsNotMadeFromANominalReadBeforeAWriteThatRacedTheRescoring() throws Exception {
        String changed = api.register(north);
        String copied = api.register(north);
        api.addDaIncident(changed, LocalDate.now().minusDays(40), "EX-ABH", "VK-1");
        api.addDaIncident(copied, LocalDate.now().minusDays(40), "EX-ABH", "VK-1");
        // as the rescoring read them, then another incident (a new version), and a status copied
        // (the same version) with their lines refreshed, before the rescoring wrote its lines
        RankingSource readEarly = sourceOf(changed);
        RankingSource copiedEarly = sourceOf(copied);
        api.addDaIncident(changed, LocalDate.now().minusDays(2), "EX-STRANGULATION", "VK-2");
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(copied)),
                new Update().set("routingStatus", RoutingStatus.AWAITING_REROUTING),
                Nominal.class);
        rankings.refresh(copied);

        rankings.refreshRescored(List.of(readEarly, copiedEarly));

        assertThat(storedLine(changed)).isEqualTo(expectedLine(changed));
        assertThat(storedLine(changed).total()).isGreaterThan(readEarly.score().total());
        assertThat(storedLine(copied)).isEqualTo(expectedLine(copied));
        assertThat(storedLine(copied).routingStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
    }

    private RankingSource sourceOf(String caseId) {
        Nominal nominal = mongo.findById(caseId, Nominal.class);
        return new RankingSource(
                nominal.caseId(),
                nominal.givenName(),
                nominal.familyName(),
                nominal.area(),
                nominal.incidentsOrEmpty(),
                nominal.score(),
                nominal.routingStatus(),
                nominal.version());
    }

    /** A varied population in two areas, written through the API: ties, serials, old and new decisions. */
    private List<String> population(Random random) throws Exception {
        List<String> caseIds = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 36; i++) {
            String area = i % 3 == 0 ? south : north;
            String caseId =
                    api.register("Given" + i, "Family" + (i % 5), LocalDate.of(1970 + i % 30, 1 + i % 12, 3), area);
            caseIds.add(caseId);
            if (i % 6 == 5) {
                // the same history as the one before: an exact tie, broken by the case ID
                continue;
            }
            int incidents = i % 7 == 0 ? 0 : random.nextInt(4);
            for (int n = 0; n < incidents; n++) {
                api.addDaIncident(
                        caseId,
                        today.minusDays(random.nextInt(900)),
                        OFFENCES[random.nextInt(OFFENCES.length)],
                        "VK-" + random.nextInt(3));
            }
        }
        for (int i = 5; i < 36; i += 6) {
            for (var incident :
                    mongo.findById(caseIds.get(i - 1), Nominal.class).incidentsOrEmpty()) {
                api.addDaIncident(caseIds.get(i), incident.date(), incident.offenceCode(), incident.victimKey());
            }
        }
        for (int i = 0; i < 36; i += 4) {
            api.decideAsOffenderManager(caseIds.get(i), i % 8 == 0 ? "ENGAGE" : "CATCH_AND_CONVICT");
        }
        // decisions taken long ago, the trend's "before" window then in the past: written behind the
        // service's back, so their lines are refreshed here; every other line is the write paths' work
        List<String> decidedLongAgo = new ArrayList<>();
        for (int i = 4; i < 36; i += 8) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(caseIds.get(i))),
                    new Update().set("firstDecidedAt", Instant.now().minus(200 + 30L * i, ChronoUnit.DAYS)),
                    Routing.class);
            decidedLongAgo.add(caseIds.get(i));
        }
        rankings.refresh(decidedLongAgo);
        return caseIds;
    }

    private StringBuilder compare(
            PreviousCohortComputation previous, CaseScope scope, CohortFilter filter, int page, int size)
            throws Exception {
        StringBuilder query = new StringBuilder("/cohort?page=" + page + "&size=" + size);
        if (filter.threshold() != null) {
            query.append("&threshold=").append(filter.threshold());
        }
        if (filter.top() != null) {
            query.append("&top=").append(filter.top());
        }
        if (filter.area() != null) {
            query.append("&area=").append(filter.area().replace(" ", "%20"));
        }
        if (filter.serial() != null) {
            query.append("&serial=").append(filter.serial());
        }
        if (filter.routingStatus() != null) {
            query.append("&routingStatus=").append(filter.routingStatus());
        }
        CohortPageDto answered = JSON.readValue(call(query.toString()), CohortPageDto.class);
        assertThat(answered).as(query.toString()).isEqualTo(previous.ranked(scope, filter, page, size));
        return new StringBuilder(String.join(",", PreviousCohortComputation.ids(answered)));
    }

    private String call(String path) throws Exception {
        var response = mvc.perform(get(java.net.URI.create(path))
                        .with(Callers.as(OM, "om-lines", List.of(Callers.TEAM), List.of(north, south))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus())
                .as(path + ": " + response.getContentAsString())
                .isEqualTo(200);
        return response.getContentAsString();
    }

    private RankedNominal storedLine(String caseId) {
        return mongo.findById(caseId, RankedNominal.class);
    }

    /** The line the nominal's present state makes, at the stored line's version (so only content is compared). */
    private RankedNominal expectedLine(String caseId) {
        Nominal nominal = mongo.findById(caseId, Nominal.class);
        Routing routing = mongo.findById(caseId, Routing.class);
        LocalDate decided = routing == null || routing.firstDecidedAt() == null
                ? null
                : LocalDate.ofInstant(routing.firstDecidedAt(), java.time.ZoneOffset.UTC);
        RankingSource source = new RankingSource(
                nominal.caseId(),
                nominal.givenName(),
                nominal.familyName(),
                nominal.area(),
                nominal.incidentsOrEmpty(),
                nominal.score(),
                nominal.routingStatus(),
                nominal.version());
        return CohortRankingRules.line(source, decided, LocalDate.now(clock))
                .over(storedLine(caseId).version());
    }
}
