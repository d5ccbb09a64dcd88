package uk.dapp.gateway.outcomes.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution.RoutingDecisionEnum;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.PeriodLevel;
import uk.dapp.platform.privacy.SmallCellSuppressor;

class KpiCalculatorTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AreaLadder REGIONS =
            new AreaLadder(Map.of("Northshire", "NORTH", "Eastmoor", "NORTH", "Southvale", "SOUTH"));

    private static String id() {
        return "CASE-" + IDS.incrementAndGet();
    }

    private static RiskMatrixContribution decided(
            String area,
            String month,
            RoutingDecisionEnum route,
            long before,
            long after,
            int repeatVictims,
            int justiceOutcomes) {
        return new RiskMatrixContribution()
                .caseId("x")
                .ageBand("28-32")
                .area(area)
                .decisionMonth(month)
                .routingDecision(route)
                .harmBefore(before)
                .harmAfter(after)
                .repeatIncidentsAfter(0)
                .repeatVictimsAfter(repeatVictims)
                .justiceOutcomesAfter(justiceOutcomes)
                .followUpMonths(12);
    }

    private static ProgrammeContribution referral(String month, String exit) {
        return new ProgrammeContribution()
                .caseId("x")
                .referralMonth(month)
                .programmeCode("CHANGE-GROUP")
                .referralSource("POLICE")
                .mandated(false)
                .sessionsAttended(0)
                .sessionsRequired(22)
                .referrals(1)
                .exitReason(exit);
    }

    private static PartnerSupportContribution partner(
            Integer cessation,
            Integer risk,
            Integer safe,
            Integer life,
            Integer daysToContact,
            Boolean withinDeadline) {
        PartnerSupportContribution row = new PartnerSupportContribution()
                .caseId("x")
                .partnerTracks(1)
                .workingDaysToFirstContact(daysToContact)
                .firstContactWithinDeadline(withinDeadline);
        if (cessation != null) {
            row.outcomesComparedTo(PartnerSupportContribution.OutcomesComparedToEnum.EXIT)
                    .cessationOfAbuseChange(cessation)
                    .riskNowChange(risk)
                    .feelingSafeChange(safe)
                    .qualityOfLifeChange(life);
        }
        return row;
    }

    private static final LocalDate SNAPSHOT = LocalDate.of(2027, 6, 30);

    private static KpiCalculator calculator(
            PeriodLevel period, AreaLevel area, KpiBreakdown breakdown, SmallCellSuppressor suppressor) {
        return new KpiCalculator(period, area, breakdown, REGIONS, suppressor, SNAPSHOT, Map.of());
    }

    private static KpiCalculator unsuppressed(PeriodLevel period, AreaLevel area) {
        return calculator(period, area, KpiBreakdown.AREA, new SmallCellSuppressor(0));
    }

    private static BigDecimal n(long value) {
        return BigDecimal.valueOf(value);
    }

    @Test
    void eachCaseIsPlacedByAreaAndByDecisionMonthElseReferralMonth() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.QUARTER, AreaLevel.AREA);
        kpis.accept(new JoinedCase(
                id(),
                decided("Northshire", "2026-02", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0),
                referral("2026-05", null),
                null));
        kpis.accept(new JoinedCase(
                id(),
                new RiskMatrixContribution()
                        .caseId("x")
                        .ageBand("UNKNOWN")
                        .area("  northSHIRE ")
                        .followUpMonths(0),
                referral("2026-05", null),
                null));
        kpis.accept(new JoinedCase(id(), null, referral("2026-07", null), null));
        kpis.accept(new JoinedCase(id(), null, null, partner(null, null, null, null, 2, true)));
        KpiReport report = kpis.report();

        KpiTable referred = report.table("referredToProgramme");
        assertThat(referred.rows()).containsExactly("NORTHSHIRE", "UNKNOWN");
        assertThat(referred.columns()).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "UNKNOWN");
        assertThat(referred.cell("NORTHSHIRE", "2026-Q1")).isEqualTo(n(1)); // decided in February
        assertThat(referred.cell("NORTHSHIRE", "2026-Q2")).isEqualTo(n(1)); // undecided: referred in May
        assertThat(referred.cell("UNKNOWN", "2026-Q3")).isEqualTo(n(1)); // not on the matrix
        assertThat(referred.grandTotal()).isEqualTo(n(3));
        assertThat(report.table("identified").grandTotal()).isEqualTo(n(1));
        assertThat(report.table("partnersContacted").cell("UNKNOWN", "UNKNOWN")).isEqualTo(n(1));
    }

    @Test
    void regionsAndYearsWidenThePlaces() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.YEAR, AreaLevel.REGION);
        kpis.accept(new JoinedCase(
                id(), decided("Northshire", "2026-02", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0), null, null));
        kpis.accept(new JoinedCase(
                id(), decided("Eastmoor", "2026-11", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0), null, null));
        kpis.accept(new JoinedCase(
                id(), decided("Westfold", "2025-11", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0), null, null));
        KpiTable identified = kpis.report().table("identified");
        assertThat(identified.rows()).containsExactly("NORTH", "OTHER");
        assertThat(identified.columns()).containsExactly("2025", "2026");
        assertThat(identified.cell("NORTH", "2026")).isEqualTo(n(2));
        assertThat(identified.cell("OTHER", "2025")).isEqualTo(n(1));
    }

    @Test
    void theKpisCountWhatTheirDefinitionsSay() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.MONTH, AreaLevel.AREA);
        String m = "2026-03";
        kpis.accept(new JoinedCase(
                id(),
                decided("A", m, RoutingDecisionEnum.ENGAGE, 100, 40, 0, 1),
                referral(m, "COMPLETED"),
                partner(2, 1, 0, -1, 3, true)));
        kpis.accept(new JoinedCase(
                id(),
                decided("A", m, RoutingDecisionEnum.ENGAGE, 50, 80, 2, 0),
                referral(m, "DROPPED_OUT"),
                partner(0, 0, 1, 0, 7, false)));
        kpis.accept(new JoinedCase(
                id(),
                decided("A", m, RoutingDecisionEnum.CATCH_AND_CONVICT, 300, 0, 0, 2),
                null,
                partner(null, null, null, null, null, null)));
        kpis.accept(
                new JoinedCase(id(), decided("A", m, RoutingDecisionEnum.CATCH_AND_CONVICT, 10, 20, 1, 0), null, null));
        kpis.accept(new JoinedCase(id(), null, referral(m, null), partner(-1, 2, 2, 1, 4, true)));
        KpiReport report = kpis.report();

        Map<String, Long> expected = Map.ofEntries(
                Map.entry("identified", 4L),
                Map.entry("referredToProgramme", 3L),
                Map.entry("programmeExits", 2L),
                Map.entry("programmeCompletions", 1L),
                Map.entry("harmCompared", 4L),
                Map.entry("perpetratorsWithRepeatVictims", 2L),
                Map.entry("catchAndConvict", 2L),
                Map.entry("catchAndConvictWithJusticeOutcome", 1L),
                Map.entry("partnersWithOutcomesCompared", 3L),
                Map.entry("partnersReportingLessAbuse", 1L),
                Map.entry("partnersReportingReducedRisk", 2L),
                Map.entry("partnersFeelingSafer", 2L),
                Map.entry("partnersWithBetterQualityOfLife", 1L),
                Map.entry("partnersContacted", 3L),
                Map.entry("partnersContactedWithinDeadline", 2L),
                Map.entry("repeatVictims", 3L),
                Map.entry("harmBefore", 460L),
                Map.entry("harmAfter", 140L),
                Map.entry("harmChange", -320L));
        expected.forEach((kpi, value) ->
                assertThat(report.table(kpi).grandTotal()).as(kpi).isEqualTo(n(value)));
        assertThat(report.table("completionRate").grandTotal()).isEqualByComparingTo("0.5");
        assertThat(report.table("catchAndConvictPositiveOutcomeRate").grandTotal())
                .isEqualByComparingTo("0.5");
        assertThat(report.table("reducedRiskRate").grandTotal()).isEqualByComparingTo("0.667");
        assertThat(report.table("contactedWithinDeadlineRate").grandTotal()).isEqualByComparingTo("0.667");
        // nothing suppressed here: the median of 3, 7 and 4 working days
        assertThat(report.table("medianWorkingDaysToFirstContact").grandTotal()).isEqualTo(n(4));
    }

    @Test
    void aRateWithNoDenominatorIsNotGiven() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.MONTH, AreaLevel.AREA);
        kpis.accept(new JoinedCase(id(), null, referral("2026-03", null), null));
        assertThat(kpis.report().table("effectiveCompletionRate").grandTotal()).isNull();
    }

    @Test
    void aMedianOfAnEvenNumberIsTheMeanOfTheMiddleTwo() {
        assertThat(Median.of(new java.util.TreeMap<>(Map.of(1, 2L, 4, 2L)))).isEqualByComparingTo("2.5");
        assertThat(Median.of(new java.util.TreeMap<>(Map.of(1, 1L, 3, 2L, 9, 1L))))
                .isEqualTo(n(3));
        assertThat(Median.of(new java.util.TreeMap<>(Map.of(5, 3L)))).isEqualTo(n(5));
        assertThat(Median.of(new java.util.TreeMap<>())).isNull();
    }

    /** Areas A, B, C by quarter; A in Q2 has 3 people: hidden, and its row and column must lose one more each. */
    private static KpiReport smallCellReport() {
        long[][] people = {{20, 3, 15}, {12, 14, 18}, {9, 11, 16}};
        String[] areas = {"A", "B", "C"};
        String[] months = {"2026-01", "2026-04", "2026-07"};
        KpiCalculator kpis =
                calculator(PeriodLevel.QUARTER, AreaLevel.AREA, KpiBreakdown.AREA, new SmallCellSuppressor());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                for (int i = 0; i < people[r][c]; i++) {
                    // harm differs per person so that a sum would give a count away if it were shown
                    kpis.accept(new JoinedCase(
                            id(),
                            decided(areas[r], months[c], RoutingDecisionEnum.ENGAGE, 10 + i, i, 0, 0),
                            null,
                            partner(null, null, null, null, i % 6, i % 2 == 0)));
                }
            }
        }
        return kpis.report();
    }

    @Test
    void aSmallCellIsHiddenWithEnoughOthersThatNoTotalGivesItAway() {
        KpiReport report = smallCellReport();
        assertThat(report.threshold()).isEqualTo(7);
        assertThat(report.suppression()).contains("1 to 7", "secondary");
        KpiTable identified = report.table("identified");
        assertThat(identified.cell("A", "2026-Q2")).as("primary").isNull();
        assertThat(hiddenIn(identified.cells().get(0)) + (identified.rowTotals().get(0) == null ? 1 : 0))
                .as("row A hides more than its small cell")
                .isGreaterThanOrEqualTo(2);
        long hiddenInQ2 =
                identified.cells().stream().filter(line -> line.get(1) == null).count()
                        + (identified.columnTotal("2026-Q2") == null ? 1 : 0);
        assertThat(hiddenInQ2).as("column Q2 hides more than its small cell").isGreaterThanOrEqualTo(2);
        assertThat(identified.cell("B", "2026-Q1"))
                .as("untouched cells are published")
                .isEqualTo(n(12));
        assertThat(identified.grandTotal()).isEqualTo(n(118));
        assertThat(Recovery.determinedCells(identified))
                .as("hidden cells worked out from what is published")
                .isEmpty();
    }

    @Test
    void sumsRatesAndMediansAreHiddenWhereTheirCountsAre() {
        KpiReport report = smallCellReport();
        KpiTable people = report.table("harmCompared");
        for (String sum : List.of("harmBefore", "harmAfter", "harmChange")) {
            KpiTable table = report.table(sum);
            assertThat(Recovery.hiddenPositions(table)).as(sum).isEqualTo(Recovery.hiddenPositions(people));
            assertThat(Recovery.determinedCells(table)).as(sum).isEmpty();
        }
        assertThat(report.table("harmChange").cell("B", "2026-Q1")).isEqualTo(n(-120)); // 12 people, 10 less each

        KpiTable contacted = report.table("partnersContacted");
        KpiTable median = report.table("medianWorkingDaysToFirstContact");
        // (contacted is suppressed together with those contacted within the deadline: half of each cell)
        assertThat(Recovery.hiddenPositions(median)).isEqualTo(Recovery.hiddenPositions(contacted));
        assertThat(median.grandTotal()).isNotNull();

        KpiTable rate = report.table("contactedWithinDeadlineRate");
        KpiTable within = report.table("partnersContactedWithinDeadline");
        List<String> hiddenRate = Recovery.hiddenPositions(rate);
        assertThat(hiddenRate)
                .containsAll(Recovery.hiddenPositions(contacted))
                .containsAll(Recovery.hiddenPositions(within));
        // 3 people in A/Q2, 2 of them reached by the deadline: neither count nor rate is shown
        assertThat(within.cell("A", "2026-Q2")).isNull();
        assertThat(rate.cell("A", "2026-Q2")).isNull();
        assertThat(Recovery.determinedCells(within)).isEmpty();
    }

    private static JoinedCase completed(String area, LocalDate exitedOn, LocalDate... domesticAbuseIncidents) {
        RiskMatrixContribution risk = decided(area, "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0)
                .domesticAbuseIncidentDates(List.of(domesticAbuseIncidents));
        return new JoinedCase(id(), risk, referral("2026-01", "COMPLETED").exitDate(exitedOn), null);
    }

    @Test
    void anEffectiveCompletionIsACompletionWithNoFurtherDomesticAbuseIncidentInTheTwelveMonthsAfterTheExit() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.YEAR, AreaLevel.AREA);
        LocalDate exit = SNAPSHOT.minusMonths(14);
        kpis.accept(completed("A", exit)); // no incident at all
        kpis.accept(completed("A", exit, exit.minusMonths(3))); // incidents before the programme do not count
        kpis.accept(completed("A", exit, exit.plusMonths(13))); // after the window
        kpis.accept(completed("A", exit, exit.plusMonths(5))); // a further incident: completed, not effective
        kpis.accept(completed("A", SNAPSHOT.minusMonths(6))); // the window has not passed: not judged yet
        kpis.accept(new JoinedCase(id(), null, referral("2026-01", "COMPLETED").exitDate(exit), null)); // no records
        kpis.accept(new JoinedCase(
                id(),
                decided("A", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0).domesticAbuseIncidentDates(List.of()),
                referral("2026-01", "DROPPED_OUT").exitDate(exit),
                null));
        KpiReport report = kpis.report();

        assertThat(report.table("programmeExits").grandTotal()).isEqualTo(n(7));
        assertThat(report.table("programmeCompletions").grandTotal()).isEqualTo(n(6));
        assertThat(report.table("completionsFollowedUp").grandTotal()).isEqualTo(n(4));
        assertThat(report.table("effectiveCompletions").grandTotal()).isEqualTo(n(3));
        assertThat(report.table("effectiveCompletionRate").grandTotal()).isEqualByComparingTo("0.75");
        assertThat(report.table("effectiveCompletionRate").basedOn())
                .containsExactly("effectiveCompletions", "completionsFollowedUp");
    }

    @Test
    void positiveDisposalsSuccessfulProsecutionsAndChildrenFrightenedAreRatesOfThePeopleTheyDescribe() {
        KpiCalculator kpis = unsuppressed(PeriodLevel.YEAR, AreaLevel.AREA);
        kpis.accept(new JoinedCase(
                id(),
                decided("A", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 1)
                        .domesticAbuseCrimesAfter(2)
                        .positiveDisposalsAfter(1)
                        .prosecutionsConcludedAfter(1)
                        .convictionsAfter(1),
                null,
                partner(null, null, null, null, null, null)
                        .childrenFrightenedAtIntake(true)
                        .childrenFrightenedLater(false)));
        kpis.accept(new JoinedCase(
                id(),
                decided("A", "2026-01", RoutingDecisionEnum.CATCH_AND_CONVICT, 0, 0, 0, 0)
                        .domesticAbuseCrimesAfter(1)
                        .positiveDisposalsAfter(0)
                        .prosecutionsConcludedAfter(2)
                        .convictionsAfter(0),
                null,
                partner(null, null, null, null, null, null)
                        .childrenFrightenedAtIntake(true)
                        .childrenFrightenedLater(true)));
        kpis.accept(new JoinedCase(
                id(),
                decided("A", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0)
                        .domesticAbuseCrimesAfter(0)
                        .positiveDisposalsAfter(0)
                        .prosecutionsConcludedAfter(0)
                        .convictionsAfter(0),
                null,
                partner(null, null, null, null, null, null)
                        .childrenFrightenedAtIntake(null)
                        .childrenFrightenedLater(null))); // no children: not asked
        KpiReport report = kpis.report();

        assertThat(report.table("perpetratorsWithDomesticAbuseCrimeAfter").grandTotal())
                .isEqualTo(n(2));
        assertThat(report.table("perpetratorsWithPositiveDisposal").grandTotal())
                .isEqualTo(n(1));
        assertThat(report.table("positiveDisposalRate").grandTotal()).isEqualByComparingTo("0.5");
        assertThat(report.table("perpetratorsWithProsecutionConcluded").grandTotal())
                .isEqualTo(n(2));
        assertThat(report.table("perpetratorsConvicted").grandTotal()).isEqualTo(n(1));
        assertThat(report.table("successfulProsecutionRate").grandTotal()).isEqualByComparingTo("0.5");
        assertThat(report.table("partnersWithChildrensFearCompared").grandTotal())
                .isEqualTo(n(2));
        assertThat(report.table("childrenFrightenedAtIntakeRate").grandTotal()).isEqualByComparingTo("1");
        assertThat(report.table("childrenFrightenedAtExitRate").grandTotal()).isEqualByComparingTo("0.5");
        assertThat(report.table("perpetratorsWithRepeatVictims").grandTotal()).isZero();
        assertThat(report.table("repeatVictimisationRate").grandTotal()).isEqualByComparingTo("0");
    }

    @Test
    void everyKpiIsBrokenDownByProgrammeOrByReferralSourceAsWellAsByArea() {
        for (KpiBreakdown breakdown : KpiBreakdown.values()) {
            KpiCalculator kpis = calculator(PeriodLevel.YEAR, AreaLevel.AREA, breakdown, new SmallCellSuppressor(0));
            kpis.accept(new JoinedCase(
                    id(),
                    decided("Northshire", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0),
                    referral("2026-01", "COMPLETED"),
                    null));
            kpis.accept(new JoinedCase(
                    id(),
                    decided("Northshire", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0),
                    referral("2026-01", null).programmeCode("DRIVE-1TO1").referralSource("MARAC"),
                    null));
            kpis.accept(new JoinedCase(
                    id(), decided("Eastmoor", "2026-01", RoutingDecisionEnum.ENGAGE, 0, 0, 0, 0), null, null));
            KpiReport report = kpis.report();
            assertThat(report.breakdown()).isEqualTo(breakdown);
            for (KpiTable table : report.tables()) {
                assertThat(table.rows())
                        .as("%s by %s", table.name(), breakdown)
                        .isEqualTo(
                                switch (breakdown) {
                                    case AREA -> List.of("EASTMOOR", "NORTHSHIRE");
                                    case PROGRAMME -> List.of("CHANGE-GROUP", "DRIVE-1TO1", KpiCalculator.NOT_REFERRED);
                                    case REFERRAL_SOURCE -> List.of("MARAC", KpiCalculator.NOT_REFERRED, "POLICE");
                                });
            }
            if (breakdown == KpiBreakdown.PROGRAMME) {
                assertThat(report.table("identified").cell("DRIVE-1TO1", "2026"))
                        .isEqualTo(n(1));
                assertThat(report.table("programmeCompletions").cell("CHANGE-GROUP", "2026"))
                        .isEqualTo(n(1));
                assertThat(report.table("identified").cell(KpiCalculator.NOT_REFERRED, "2026"))
                        .isEqualTo(n(1));
            }
        }
    }

    @Test
    void theOutcomeFrameworksComparisonFigureIsShownBesideItsRateOnly() {
        KpiComparison national = new KpiComparison(new BigDecimal("0.63"), "an outcome framework's national figure");
        KpiCalculator kpis = new KpiCalculator(
                PeriodLevel.YEAR,
                AreaLevel.AREA,
                KpiBreakdown.AREA,
                REGIONS,
                new SmallCellSuppressor(0),
                SNAPSHOT,
                Map.of("lessAbuseRate", national));
        kpis.accept(new JoinedCase(id(), null, null, partner(1, 1, 1, 1, 1, true)));
        KpiReport report = kpis.report();
        assertThat(report.table("lessAbuseRate").comparison()).isEqualTo(national);
        assertThat(report.table("feelingSaferRate").comparison()).isNull();
        assertThat(report.table("partnersReportingLessAbuse").comparison()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KpiComparison(new BigDecimal("63"), "percent"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumeratorAndItsDenominatorAreHiddenTogetherSoThatOneCannotBeSubtractedFromTheOther() {
        KpiCalculator kpis =
                calculator(PeriodLevel.QUARTER, AreaLevel.AREA, KpiBreakdown.AREA, new SmallCellSuppressor());
        long[][] exits = {{10, 40}, {30, 25}};
        long[][] completions = {{9, 20}, {15, 12}}; // A/Q1: 10 exits, 9 completed: 1 did not
        String[] areas = {"A", "B"};
        String[] months = {"2026-01", "2026-04"};
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < exits[r][c]; i++) {
                    kpis.accept(new JoinedCase(
                            id(),
                            new RiskMatrixContribution()
                                    .caseId("x")
                                    .ageBand("28-32")
                                    .area(areas[r])
                                    .followUpMonths(0),
                            referral(months[c], i < completions[r][c] ? "COMPLETED" : "DROPPED_OUT"),
                            null));
                }
            }
        }
        KpiReport report = kpis.report();
        KpiTable exited = report.table("programmeExits");
        KpiTable completed = report.table("programmeCompletions");
        assertThat(exited.cell("A", "2026-Q1")).isNull();
        assertThat(completed.cell("A", "2026-Q1")).isNull();
        assertThat(report.table("completionRate").cell("A", "2026-Q1")).isNull();
        assertThat(Recovery.hiddenPositions(exited)).isEqualTo(Recovery.hiddenPositions(completed));
        assertThat(Recovery.determinedCells(exited)).isEmpty();
        assertThat(Recovery.determinedCells(completed)).isEmpty();
        assertThat(report.suppression()).contains("one pattern");
    }

    private static long hiddenIn(List<BigDecimal> line) {
        return line.stream().filter(v -> v == null).count();
    }

    /** Checks on a published table, treating each hidden value as an unknown in the sums of its lines. */
    static final class Recovery {

        private Recovery() {}

        /** "r,c" of every hidden position, margins as index rows.size() / columns.size(). */
        static List<String> hiddenPositions(KpiTable table) {
            List<String> hidden = new ArrayList<>();
            int rows = table.rows().size();
            int columns = table.columns().size();
            for (int r = 0; r <= rows; r++) {
                for (int c = 0; c <= columns; c++) {
                    if (value(table, r, c) == null) {
                        hidden.add(r + "," + c);
                    }
                }
            }
            return hidden;
        }

        private static BigDecimal value(KpiTable table, int r, int c) {
            int rows = table.rows().size();
            int columns = table.columns().size();
            if (r == rows && c == columns) {
                return table.grandTotal();
            }
            if (r == rows) {
                return table.columnTotals().get(c);
            }
            return c == columns
                    ? table.rowTotals().get(r)
                    : table.cells().get(r).get(c);
        }

        /**
         * The hidden positions whose value follows exactly from the published ones: each line (a row
         * with its total, a column with its total, the totals row and column with the grand total) is
         * a linear equation, and a hidden value is determined when its unit vector lies in the span of
         * those equations restricted to the hidden unknowns.
         */
        static List<String> determinedCells(KpiTable table) {
            List<String> hidden = hiddenPositions(table);
            int rows = table.rows().size() + 1;
            int columns = table.columns().size() + 1;
            List<double[]> equations = new ArrayList<>();
            for (int r = 0; r < rows; r++) { // row r: its inner cells minus its total
                double[] eq = new double[hidden.size()];
                for (int c = 0; c < columns; c++) {
                    int k = hidden.indexOf(r + "," + c);
                    if (k >= 0) {
                        eq[k] = c == columns - 1 ? -1 : 1;
                    }
                }
                equations.add(eq);
            }
            for (int c = 0; c < columns; c++) {
                double[] eq = new double[hidden.size()];
                for (int r = 0; r < rows; r++) {
                    int k = hidden.indexOf(r + "," + c);
                    if (k >= 0) {
                        eq[k] = r == rows - 1 ? -1 : 1;
                    }
                }
                equations.add(eq);
            }
            int rank = rank(equations);
            List<String> determined = new ArrayList<>();
            for (int k = 0; k < hidden.size(); k++) {
                List<double[]> with = new ArrayList<>(equations);
                double[] unit = new double[hidden.size()];
                unit[k] = 1;
                with.add(unit);
                if (rank(with) == rank) {
                    determined.add(hidden.get(k));
                }
            }
            return determined;
        }

        private static int rank(List<double[]> vectors) {
            double[][] m = vectors.stream().map(double[]::clone).toArray(double[][]::new);
            int rank = 0;
            int width = m.length == 0 ? 0 : m[0].length;
            for (int col = 0; col < width && rank < m.length; col++) {
                int pivot = -1;
                for (int r = rank; r < m.length; r++) {
                    if (Math.abs(m[r][col]) > 1e-9) {
                        pivot = r;
                        break;
                    }
                }
                if (pivot < 0) {
                    continue;
                }
                double[] swap = m[pivot];
                m[pivot] = m[rank];
                m[rank] = swap;
                for (int r = 0; r < m.length; r++) {
                    if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                        double f = m[r][col] / m[rank][col];
                        for (int j = col; j < width; j++) {
                            m[r][j] -= f * m[rank][j];
                        }
                    }
                }
                rank++;
            }
            return rank;
        }
    }
}
