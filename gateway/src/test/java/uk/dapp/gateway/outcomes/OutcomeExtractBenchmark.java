package uk.dapp.gateway.outcomes;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.KAnonymityPlan;

/**
 * A benchmark, not a timed test: the gateway's side of the outcome extract for 100,000 synthetic
 * cases (the three services' rows made on the fly, as if decoded from their streams): merge-join,
 * the k-anonymity pass, and the CSV pass under pseudonyms, beside a plain pass over the same rows.
 * Prints elapsed time and peak heap. Skipped unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -o -pl gateway -am test -Dtest=OutcomeExtractBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.cases=100000]
 * </pre>
 * The service side (each service's NDJSON export from its store beside a plain driver scan) is
 * risk-matrix-service's {@code ContributionExportBenchmark}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutcomeExtractBenchmark {

    private static final String[] AREAS = {"Northshire", "Southvale", "Eastmere", "Westholm", "Midcombe"};
    private static final String[] BANDS = {"18-22", "23-27", "28-32", "33-37", "38-42", "43-47", "48-52", "53-57"};

    @Test
    void extractTheSyntheticCases() {
        int cases = Integer.getInteger("benchmark.cases", 100_000);
        System.out.printf(
                "%n== Outcome extract benchmark (gateway side): %,d cases, max heap %,d MB, %d cores%n",
                cases,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        // the input, as the services would send it: case IDs ascending
        Random random = new Random(5);
        List<String> ids = new ArrayList<>(cases);
        for (int i = 0; i < cases; i++) {
            ids.add(CaseId.generate(random).value());
        }
        ids.sort(null);

        gc();
        resetPeaks();
        long start = System.nanoTime();
        long seen;
        try (Stream<JoinedCase> plain = joined(ids)) {
            seen = plain.filter(c -> c.programme() != null).count();
        }
        report(String.format("plain pass over %,d joined cases", seen), start);

        OutcomeExtract extract = new OutcomeExtract(AreaLadder.withoutRegions(), 0.05);
        gc();
        resetPeaks();
        start = System.nanoTime();
        KAnonymityPlan plan = extract.plan(joined(ids), 5);
        report("k-anonymity pass (" + plan.statement() + ")", start);

        gc();
        resetPeaks();
        start = System.nanoTime();
        CountingSink sink = new CountingSink();
        long rows = extract.write(joined(ids), plan, OffsetDateTime.now(), OutcomeExtract.Format.CSV, sink);
        report(String.format("CSV pass: %,d rows under pseudonyms, %,d MB", rows, sink.bytes >> 20), start);
    }

    /** Each service's rows made as they are read, so that only the join holds anything. */
    private static Stream<JoinedCase> joined(List<String> ids) {
        Stream<RiskMatrixContribution> risk = ids.stream()
                .filter(id -> id.hashCode() % 10 != 0)
                .map(id -> {
                    int h = Math.abs(id.hashCode());
                    return new RiskMatrixContribution()
                            .caseId(id)
                            .ageBand(BANDS[h % BANDS.length])
                            .area(AREAS[h % AREAS.length])
                            .decisionMonth("2026-0" + (1 + h % 9))
                            .routingDecision(
                                    h % 3 == 0
                                            ? RiskMatrixContribution.RoutingDecisionEnum.CATCH_AND_CONVICT
                                            : RiskMatrixContribution.RoutingDecisionEnum.ENGAGE)
                            .harmBefore((long) (h % 900))
                            .harmAfter((long) (h % 400))
                            .repeatIncidentsAfter(h % 3)
                            .followUpMonths(6);
                });
        Stream<ProgrammeContribution> programme = ids.stream()
                .filter(id -> id.hashCode() % 3 != 0)
                .map(id -> new ProgrammeContribution()
                        .caseId(id)
                        .sex(
                                id.hashCode() % 11 == 0
                                        ? ProgrammeContribution.SexEnum.FEMALE
                                        : ProgrammeContribution.SexEnum.MALE)
                        .referralMonth("2026-02")
                        .programmeCode("CHANGE-GROUP")
                        .referralSource("POLICE")
                        .mandated(false)
                        .sessionsAttended(10)
                        .sessionsRequired(22)
                        .referrals(1));
        Stream<PartnerSupportContribution> partner = ids.stream()
                .filter(id -> id.hashCode() % 2 == 0)
                .map(id -> new PartnerSupportContribution()
                        .caseId(id)
                        .partnerTracks(1)
                        .cessationOfAbuseChange(1)
                        .dashLevelAtIntake(PartnerSupportContribution.DashLevelAtIntakeEnum.MEDIUM));
        return CaseMerge.join(risk.iterator(), programme.iterator(), partner.iterator());
    }

    private static void report(String what, long startNanos) {
        System.out.printf(
                "== %-100s %7.1f s   peak heap %,d MB%n",
                what, (System.nanoTime() - startNanos) / 1e9, peakHeap() >> 20);
    }

    private static void gc() {
        System.gc();
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
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
