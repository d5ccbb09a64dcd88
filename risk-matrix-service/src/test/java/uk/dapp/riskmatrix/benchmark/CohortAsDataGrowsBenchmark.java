package uk.dapp.riskmatrix.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.LoadAverage;
import uk.dapp.platform.testsupport.ReadTimings;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.cohort.CohortFilter;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.cohort.HarmFromLines;
import uk.dapp.riskmatrix.cohort.HarmTallies;
import uk.dapp.riskmatrix.cohort.PreviousCohortComputation;
import uk.dapp.riskmatrix.cohort.RankedNominal;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.OffenceWeight;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.DashLevel;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.IncidentType;
import uk.dapp.riskmatrix.values.Outcome;
import uk.dapp.riskmatrix.values.Route;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;

/**
 * A benchmark, not a timed test: what the offender manager's cohort page costs as the partnership
 * grows. The web page makes two calls, a page of 25 of the ranked cohort and the cohort's harm
 * trend; both are timed through the whole service (security, area scope, the page audited per case)
 * over its embedded store, for an offender manager of the demo's north team (two of five areas, as
 * in the demo population), at the demo's 300 nominals and then 10 and 100 times as many (default
 * {@code 300,3000,30000}; synthetic, written straight into the store, a third of them decided, then
 * given their cohort lines by the start-up backfill, which is timed too). Side by side at each size,
 * the previous computation of the same answers (straight from the nominals and routings, without
 * HTTP or audit) is timed as well; and, store only, the harm trend from its running tallies beside
 * the sum over every decided nominal's line it replaced, and the serial-and-threshold count from
 * index entries beside the same count reading every match. The load average is printed at each size:
 * <pre>
 * ./mvnw -B -pl risk-matrix-service -am test -Dtest=CohortAsDataGrowsBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.nominals=300,3000,30000]
 * </pre>
 * Figures in {@code risk-matrix-service/target/surefire-reports/*CohortAsDataGrowsBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ServiceTest
class CohortAsDataGrowsBenchmark {

    private static final List<String> AREAS = List.of("Northshire", "Midwick", "Eastmarsh", "Southvale", "Westfold");
    private static final List<String> NORTH = AREAS.subList(0, 2);
    private static final RequestPostProcessor OFFENDER_MANAGER =
            Callers.as("offender-manager", "om-bench", List.of(Callers.TEAM), NORTH);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CohortRankings rankings;

    @Autowired
    ReferenceDataService referenceData;

    @Autowired
    HarmTallies tallies;

    private static final List<String> NORTH_KEYS =
            NORTH.stream().map(area -> area.toLowerCase(java.util.Locale.ROOT)).toList();

    private final Random random = new Random(300);
    private int loaded;

    @Test
    void theCohortPageAsThePartnershipGrows() throws Exception {
        PreviousCohortComputation previous = new PreviousCohortComputation(mongo);
        CaseScope north = CaseScope.only(NORTH);
        CohortFilter everyone = new CohortFilter(null, null, null, null, null);
        List<ReadTimings.Figures> figures = new ArrayList<>();
        for (String size :
                System.getProperty("benchmark.nominals", "300,3000,30000").split(",")) {
            int nominals = Integer.parseInt(size.strip());
            long start = System.nanoTime();
            load(nominals);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            long added = rankings.backfill();
            System.out.printf(
                    "%n== %,d nominals (%,d in the north team's areas), loaded in %.1f s; "
                            + "backfill added %,d cohort lines (and their harm tallies) in %.1f s; load average %s%n",
                    nominals,
                    nominals * 2 / 5,
                    loadSeconds,
                    added,
                    (System.nanoTime() - start) / 1e9,
                    LoadAverage.now());
            int pages = Math.max(1, nominals * 2 / 5 / 25);
            figures.add(ReadTimings.time(
                    "cohort page of 25 (API)",
                    nominals,
                    300,
                    300,
                    random,
                    i -> mvc.perform(get("/cohort")
                                    .param("page", String.valueOf(i % Math.min(pages, 4)))
                                    .param("size", "25")
                                    .with(OFFENDER_MANAGER))
                            .andExpect(status().isOk())));
            figures.add(ReadTimings.time(
                    "cohort harm trend (API)",
                    nominals,
                    100,
                    200,
                    random,
                    i -> mvc.perform(get("/cohort/harm").with(OFFENDER_MANAGER)).andExpect(status().isOk())));
            figures.add(ReadTimings.time(
                    "serial, threshold 10 (API)",
                    nominals,
                    100,
                    200,
                    random,
                    i -> mvc.perform(get("/cohort")
                                    .param("serial", "true")
                                    .param("threshold", "10")
                                    .param("size", "25")
                                    .with(OFFENDER_MANAGER))
                            .andExpect(status().isOk())));
            // fewer samples: at 30,000 nominals each of these takes seconds
            figures.add(ReadTimings.time(
                    "previous: page (store only)",
                    nominals,
                    5,
                    30,
                    random,
                    i -> previous.ranked(north, everyone, i % Math.min(pages, 4), 25)));
            figures.add(ReadTimings.time(
                    "previous: harm (store only)",
                    nominals,
                    5,
                    30,
                    random,
                    i -> previous.harm(north, referenceData.current(), LocalDate.now())));
            // the computations replaced by the harm tallies and the bounded count, beside them
            figures.add(ReadTimings.time(
                    "harm from tallies (store)",
                    nominals,
                    100,
                    200,
                    random,
                    i -> tallies.read(NORTH_KEYS, referenceData.current(), LocalDate.now())));
            figures.add(ReadTimings.time(
                    "harm from lines (store, was)",
                    nominals,
                    20,
                    100,
                    random,
                    i -> HarmFromLines.harm(mongo, NORTH_KEYS, referenceData.current(), LocalDate.now())));
            Criteria serialAbove = Criteria.where("areaKey")
                    .in(NORTH_KEYS)
                    .and("ranked")
                    .is(true)
                    .and("total")
                    .gte(10)
                    .and("serial")
                    .is(true);
            figures.add(ReadTimings.time(
                    "serial >= 10 count (index)",
                    nominals,
                    100,
                    200,
                    random,
                    i -> mongo.count(Query.query(serialAbove), RankedNominal.class)));
            // the same filter inside an $and, which the index count does not take: every match read, as before
            figures.add(ReadTimings.time(
                    "serial >= 10 count (read, was)",
                    nominals,
                    20,
                    100,
                    random,
                    i -> mongo.count(Query.query(new Criteria().andOperator(serialAbove)), RankedNominal.class)));
            System.out.printf("== load average %s%n", LoadAverage.now());
        }
        int reads = 9;
        System.out.printf(
                "%n== summary: p50 at each size over p50 at the first (the bar for flat cost is 1.5); load average %s%n",
                LoadAverage.now());
        for (int read = 0; read < reads; read++) {
            ReadTimings.Figures first = figures.get(read);
            StringBuilder line = new StringBuilder(String.format("== %-28s", first.what()));
            for (int at = read; at < figures.size(); at += reads) {
                line.append(String.format(
                        "  %,7d: %7.2f ms (x%.2f)",
                        figures.get(at).cases(),
                        figures.get(at).p50Millis(),
                        figures.get(at).p50Millis() / first.p50Millis()));
            }
            System.out.println(line);
        }
    }

    /** Adds synthetic nominals (scored, a third with a routing decision) until there are {@code total}. */
    private void load(int total) {
        ReferenceData weights = referenceData.current();
        List<OffenceWeight> offences = weights.offences();
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        List<Nominal> nominals = new ArrayList<>();
        List<Routing> routings = new ArrayList<>();
        while (loaded < total) {
            int n = loaded++;
            LocalDate dob = today.minusYears(18 + random.nextInt(40)).minusDays(random.nextInt(365));
            List<Incident> history = new ArrayList<>();
            for (int i = random.nextInt(8); i > 0; i--) {
                OffenceWeight offence = offences.get(random.nextInt(offences.size()));
                history.add(new Incident(
                        n + "-" + i,
                        today.minusDays(random.nextInt(4 * 365)),
                        random.nextInt(5) == 0 ? IncidentType.OTHER : IncidentType.DOMESTIC_ABUSE,
                        offence.code(),
                        "VK-" + n + "-" + random.nextInt(3),
                        DashLevel.values()[random.nextInt(4)],
                        offence.crime(),
                        Outcome.CHARGED,
                        now,
                        "benchmark"));
            }
            Score score = Scorer.score(weights, dob, history, today, now);
            String caseId = CaseId.generate(random).value();
            RoutingStatus status = RoutingStatus.AWAITING_DECISION;
            if (n % 3 == 0) {
                Route route = n % 2 == 0 ? Route.ENGAGE : Route.CATCH_AND_CONVICT;
                status = route == Route.ENGAGE ? RoutingStatus.ENGAGED : RoutingStatus.CATCH_AND_CONVICT;
                Instant decided = now.minusSeconds(86_400L * random.nextInt(700));
                routings.add(new Routing(
                        caseId, status, null, null, route, List.of(), false, decided, decided, List.of(), List.of(),
                        List.of(), 0, List.of(), 0L));
            }
            nominals.add(new Nominal(
                    caseId,
                    "Synthetic",
                    "Nominal" + n,
                    dob,
                    String.format("BM/%07dB", n),
                    null,
                    AREAS.get(n % AREAS.size()),
                    null,
                    now,
                    "benchmark",
                    history,
                    score,
                    List.of(),
                    status,
                    0L));
            if (nominals.size() == 1_000 || loaded == total) {
                mongo.insert(nominals, Nominal.class);
                mongo.insert(routings, Routing.class);
                nominals.clear();
                routings.clear();
            }
        }
    }
}
