package uk.dapp.gateway.outcomes;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.outcomes.kpi.KpiBreakdown;
import uk.dapp.gateway.outcomes.kpi.KpiCalculator;
import uk.dapp.gateway.outcomes.kpi.KpiReport;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.KAnonymityPlan;
import uk.dapp.platform.privacy.PeriodLevel;
import uk.dapp.platform.privacy.SmallCellSuppressor;
import uk.dapp.platform.testsupport.LoadAverage;

/**
 * A benchmark, not a timed test: the gateway's side of the outcome extract and the KPI tables for
 * 100,000 synthetic cases (the three services' rows made on the fly, as if decoded from their
 * streams, and merge-joined), each pass beside a plain pass over the same joined rows, in rounds
 * that alternate the passes so that a busy machine slows them alike. Prints each time with the load
 * average and its factor over the plain pass of the same round; then the live heap (after a full
 * GC) half way through each pass, at a tenth of the cases and at all of them, to show what a pass
 * holds does not grow with the cases. Skipped unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -o -pl gateway -am test -Dtest=OutcomeExtractBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m \
 *     [-Dbenchmark.cases=100000] [-Dbenchmark.rounds=3]
 * </pre>
 * The output is in {@code gateway/target/surefire-reports/*OutcomeExtractBenchmark-output.txt}. The
 * service side (each service's NDJSON export from its store beside a plain driver scan) is
 * risk-matrix-service's {@code ContributionExportBenchmark}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutcomeExtractBenchmark {

    private static final String[] AREAS = {
        "Northshire", "Southvale", "Eastmere", "Westholm", "Midcombe", "Lower  Dene", "Highcross", "Fenmoor"
    };
    private static final String[] BANDS = {
        "18-22", "23-27", "28-32", "33-37", "38-42", "43-47", "48-52", "53-57", "58-62", "63-67"
    };
    private static final String[] PROGRAMMES = {"CHANGE-GROUP", "DRIVE", "RESPECT-1TO1"};
    private static final String[] SOURCES = {"POLICE", "PROBATION", "CHILDRENS_SERVICES", "SELF"};
    private static final String[] EXITS = {"COMPLETED", "DROPPED_OUT", "EXCLUDED"};
    /** 21 months, January 2025 to September 2026, as the services write them. */
    private static final String[] MONTHS = months();

    private static final LocalDate SNAPSHOT = LocalDate.of(2026, 12, 1);
    private static final OffsetDateTime AS_OF = OffsetDateTime.parse("2026-12-01T09:00:00Z");

    @Test
    void extractAndCountTheSyntheticCases() {
        int cases = Integer.getInteger("benchmark.cases", 100_000);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        System.out.printf(
                "%n== Outcome extract and KPI benchmark (gateway side): %,d cases, %d rounds, max heap %,d MB, %d cores, %s%n",
                cases,
                rounds,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        List<String> ids = ids(cases);
        OutcomeExtract extract = new OutcomeExtract(AreaLadder.withoutRegions(), 0.05);
        Ndjson ndjson = Ndjson.write(ids);

        for (int round = 1; round <= rounds; round++) {
            System.out.printf("-- round %d: the services' NDJSON decoded and joined, as the gateway reads it%n", round);
            section = "from NDJSON, ";
            double read = time("plain read (decode and join)", () -> plain(ndjson.cases()), 0);
            time("KPI tables (quarter by area)", () -> kpis(ndjson.cases()), read);
            KAnonymityPlan[] fromStreams = new KAnonymityPlan[1];
            time("k-anonymity pass", () -> fromStreams[0] = extract.plan(ndjson.cases(), 5), read);
            time("CSV pass", () -> write(extract, ndjson.cases(), fromStreams[0], OutcomeExtract.Format.CSV), read);
            System.out.printf("-- round %d: the same rows made in memory (the passes' own work alone)%n", round);
            section = "in memory, ";
            double plain = time("plain pass", () -> plain(joined(ids)), 0);
            time("KPI tables (quarter by area)", () -> kpis(joined(ids)), plain);
            KAnonymityPlan[] plan = new KAnonymityPlan[1];
            time("k-anonymity pass", () -> plan[0] = extract.plan(joined(ids), 5), plain);
            time("CSV pass", () -> write(extract, joined(ids), plan[0], OutcomeExtract.Format.CSV), plain);
            // a plan counts what it releases, so each document is written under a plan of its own (not timed)
            KAnonymityPlan again = extract.plan(joined(ids), 5);
            time("JSON pass", () -> write(extract, joined(ids), again, OutcomeExtract.Format.JSON), plain);
            if (round == rounds) {
                System.out.println("== the plan: " + plan[0].statement());
            }
        }

        System.out.println(
                "-- median factor over the plain pass of the same round, rounds 2 on (round 1 warms the JIT)");
        FACTORS.forEach((what, factors) -> {
            List<Double> warm = new ArrayList<>(factors.subList(Math.min(1, factors.size() - 1), factors.size()));
            warm.sort(null);
            System.out.printf(
                    "== %-45s %5.2f ×   (each round: %s)%n",
                    what,
                    warm.get(warm.size() / 2),
                    factors.stream().map(f -> String.format("%.2f", f)).toList());
        });
        System.out.printf("-- live heap: used after a full GC (System.gc(), G1) half way through each pass; "
                + "'before' is the same after a full GC just before the pass (the case IDs the benchmark keeps)%n");
        for (int size : new int[] {cases / 10, cases}) {
            List<String> some = ids.subList(0, size);
            KAnonymityPlan plan = extract.plan(joined(some), 5);
            live(size, "plain pass", some, OutcomeExtractBenchmark::plain);
            live(size, "KPI tables", some, OutcomeExtractBenchmark::kpis);
            live(size, "k-anonymity pass", some, stream -> extract.plan(stream, 5));
            live(size, "CSV pass", some, stream -> write(extract, stream, plan, OutcomeExtract.Format.CSV));
        }
    }

    /** The plain pass: reads every joined case and counts those with a programme row. */
    private static long plain(Stream<JoinedCase> cases) {
        try (cases) {
            return cases.filter(c -> c.programme() != null).count();
        }
    }

    private static KpiReport kpis(Stream<JoinedCase> cases) {
        KpiCalculator kpis = new KpiCalculator(
                PeriodLevel.QUARTER,
                AreaLevel.AREA,
                KpiBreakdown.AREA,
                AreaLadder.withoutRegions(),
                new SmallCellSuppressor(),
                SNAPSHOT,
                Map.of());
        try (cases) {
            cases.forEach(kpis::accept);
        }
        return kpis.report();
    }

    private static long write(
            OutcomeExtract extract, Stream<JoinedCase> cases, KAnonymityPlan plan, OutcomeExtract.Format format) {
        return extract.write(cases, plan, AS_OF, format, new CountingSink());
    }

    /** Each pass's factor over its round's plain pass, by name, round after round. */
    private static final Map<String, List<Double>> FACTORS = new java.util.LinkedHashMap<>();

    private static double time(String what, Runnable pass, double plainSeconds) {
        String load = LoadAverage.now();
        long start = System.nanoTime();
        pass.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "== %-30s %6.2f s %s   load average %s%n",
                what,
                seconds,
                plainSeconds == 0 ? "        " : String.format("%5.1f × ", seconds / plainSeconds),
                load);
        if (plainSeconds > 0) {
            FACTORS.computeIfAbsent(section + what, w -> new ArrayList<>()).add(seconds / plainSeconds);
        }
        return seconds;
    }

    private static String section = "";

    private static void live(int size, String what, List<String> ids, Consumer<Stream<JoinedCase>> pass) {
        long before = liveHeap();
        long[] during = {-1};
        int half = size / 2;
        int[] seen = {0};
        pass.accept(joined(ids).peek(c -> {
            if (++seen[0] == half) {
                during[0] = liveHeap();
            }
        }));
        System.out.printf(
                "== %,7d cases, %-18s live heap half way %5.1f MB (before %5.1f MB: the pass holds %5.1f MB)%n",
                size, what, during[0] / 1048576.0, before / 1048576.0, (during[0] - before) / 1048576.0);
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }

    /**
     * The three services' contributions as they send them (NDJSON, ascending by case ID), in files,
     * read back through Jackson one row at a time as the gateway's client decodes them.
     */
    private record Ndjson(Path risk, Path programme, Path partner) {

        private static final JsonMapper MAPPER =
                JsonMapper.builder().findAndAddModules().build(); // as Spring Boot builds it

        static Ndjson write(List<String> ids) {
            try {
                Path folder = Files.createTempDirectory("outcome-extract-benchmark");
                Ndjson files = new Ndjson(
                        folder.resolve("risk-matrix.ndjson"),
                        folder.resolve("programme.ndjson"),
                        folder.resolve("partner-support.ndjson"));
                try (Stream<JoinedCase> cases = joined(ids);
                        Writer risk = Files.newBufferedWriter(files.risk);
                        Writer programme = Files.newBufferedWriter(files.programme);
                        Writer partner = Files.newBufferedWriter(files.partner)) {
                    for (JoinedCase c : (Iterable<JoinedCase>) cases::iterator) {
                        line(risk, c.riskMatrix());
                        line(programme, c.programme());
                        line(partner, c.partnerSupport());
                    }
                }
                System.out.printf(
                        "== NDJSON: %,d + %,d + %,d bytes%n",
                        Files.size(files.risk), Files.size(files.programme), Files.size(files.partner));
                List.of(files.risk, files.programme, files.partner)
                        .forEach(f -> f.toFile().deleteOnExit());
                folder.toFile().deleteOnExit();
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void line(Writer out, Object row) throws IOException {
            if (row != null) {
                out.write(MAPPER.writeValueAsString(row));
                out.write('\n');
            }
        }

        Stream<JoinedCase> cases() {
            MappingIterator<RiskMatrixContribution> risk = rows(this.risk, RiskMatrixContribution.class);
            MappingIterator<ProgrammeContribution> programme = rows(this.programme, ProgrammeContribution.class);
            MappingIterator<PartnerSupportContribution> partner = rows(this.partner, PartnerSupportContribution.class);
            return CaseMerge.join(risk, programme, partner).onClose(() -> {
                risk.close();
                programme.close();
                partner.close();
            });
        }

        private static <T> MappingIterator<T> rows(Path file, Class<T> type) {
            try {
                return MAPPER.readerFor(type)
                        .readValues(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static List<String> ids(int cases) {
        Random random = new Random(5);
        List<String> ids = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            ids.add(CaseId.generate(random).value());
        }
        ids.sort(null); // as the services send them: ascending
        return List.copyOf(ids);
    }

    /**
     * Each service's rows made as they are read, so that only the join holds anything: the risk
     * matrix has 9 cases in 10, the programme service 2 in 3, partner support 1 in 2, with values
     * spread by a hash of the case ID.
     */
    private static Stream<JoinedCase> joined(List<String> all) {
        Stream<RiskMatrixContribution> risk =
                all.stream().filter(id -> mix(id) % 10 != 0).map(OutcomeExtractBenchmark::risk);
        Stream<ProgrammeContribution> programme =
                all.stream().filter(id -> mix(id) % 3 != 0).map(OutcomeExtractBenchmark::programme);
        Stream<PartnerSupportContribution> partner =
                all.stream().filter(id -> mix(id) % 2 == 0).map(OutcomeExtractBenchmark::partner);
        return CaseMerge.join(risk.iterator(), programme.iterator(), partner.iterator());
    }

    private static RiskMatrixContribution risk(String id) {
        int h = mix(id);
        boolean crime = h % 5 == 0;
        return new RiskMatrixContribution()
                .caseId(id)
                .ageBand(BANDS[(h >>> 3) % BANDS.length])
                .area(AREAS[(h >>> 7) % AREAS.length])
                .decisionMonth(MONTHS[(h >>> 11) % MONTHS.length])
                .routingDecision(
                        h % 3 == 0
                                ? RiskMatrixContribution.RoutingDecisionEnum.CATCH_AND_CONVICT
                                : RiskMatrixContribution.RoutingDecisionEnum.ENGAGE)
                .harmBefore((long) (h % 900))
                .harmAfter((long) (h % 400))
                .repeatIncidentsAfter(h % 3)
                .repeatVictimsAfter(h % 4 == 0 ? 1 : 0)
                .justiceOutcomesAfter(h % 6 == 0 ? 1 : 0)
                .domesticAbuseCrimesAfter(crime ? 1 : 0)
                .positiveDisposalsAfter(crime && h % 2 == 0 ? 1 : 0)
                .prosecutionsConcludedAfter(crime && h % 3 == 0 ? 1 : 0)
                .convictionsAfter(crime && h % 9 == 0 ? 1 : 0)
                .domesticAbuseIncidentDates(h % 4 == 1 ? List.of(SNAPSHOT.minusDays(100 + h % 600)) : List.of())
                .followUpMonths(12);
    }

    private static ProgrammeContribution programme(String id) {
        int h = mix(id) >>> 2;
        String exit = h % 4 == 0 ? null : EXITS[(h >>> 4) % EXITS.length];
        return new ProgrammeContribution()
                .caseId(id)
                .sex(h % 11 == 0 ? ProgrammeContribution.SexEnum.FEMALE : ProgrammeContribution.SexEnum.MALE)
                .referralMonth(MONTHS[(h >>> 6) % MONTHS.length])
                .programmeCode(PROGRAMMES[(h >>> 9) % PROGRAMMES.length])
                .programmeType(
                        h % 2 == 0
                                ? ProgrammeContribution.ProgrammeTypeEnum.GROUP
                                : ProgrammeContribution.ProgrammeTypeEnum.ONE_TO_ONE)
                .referralSource(SOURCES[(h >>> 12) % SOURCES.length])
                .mandated(h % 5 == 0)
                .suitabilityOutcome(ProgrammeContribution.SuitabilityOutcomeEnum.SUITABLE)
                .sessionsAttended(h % 23)
                .sessionsRequired(22)
                .exitReason(exit)
                .exitDate(exit == null ? null : SNAPSHOT.minusDays(30 + h % 700))
                .referrals(1 + h % 2);
    }

    private static PartnerSupportContribution partner(String id) {
        int h = mix(id) >>> 4;
        boolean compared = h % 3 != 0;
        return new PartnerSupportContribution()
                .caseId(id)
                .partnerTracks(1)
                .outcomesComparedTo(
                        compared
                                ? (h % 2 == 0
                                        ? PartnerSupportContribution.OutcomesComparedToEnum.EXIT
                                        : PartnerSupportContribution.OutcomesComparedToEnum.MIDWAY)
                                : null)
                .cessationOfAbuseChange(compared ? h % 5 - 2 : null)
                .riskNowChange(compared ? (h >>> 3) % 5 - 2 : null)
                .feelingSafeChange(compared ? (h >>> 5) % 5 - 2 : null)
                .qualityOfLifeChange(compared ? (h >>> 7) % 5 - 2 : null)
                .childrenFrightenedAtIntake(h % 4 == 0 ? Boolean.TRUE : null)
                .childrenFrightenedLater(h % 4 == 0 ? h % 8 == 0 : null)
                .dashLevelAtIntake(PartnerSupportContribution.DashLevelAtIntakeEnum.MEDIUM)
                .workingDaysToFirstContact(h % 10)
                .firstContactWithinDeadline(h % 10 <= 5);
    }

    /** A well-spread, non-negative hash of the case ID. */
    private static int mix(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 15)) & Integer.MAX_VALUE;
    }

    private static String[] months() {
        String[] months = new String[21];
        for (int i = 0; i < months.length; i++) {
            months[i] = String.format("%d-%02d", 2025 + i / 12, 1 + i % 12);
        }
        return months;
    }

    private static final class CountingSink extends OutputStream {

        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
        }
    }
}
