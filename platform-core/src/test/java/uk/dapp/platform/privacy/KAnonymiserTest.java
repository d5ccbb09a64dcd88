package uk.dapp.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KAnonymiserTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);
    private static final YearMonth FEB = YearMonth.of(2026, 2);
    private static final YearMonth MAR = YearMonth.of(2026, 3);
    private static final AreaLadder AREAS = new AreaLadder(Map.of(
            "Riverton", "North East", "Northshire", "North East", "Lakeside", "North West", "Fellgate", "North West"));

    private static QuasiIdentifiers row(Integer age, String sex, String area, YearMonth month) {
        return new QuasiIdentifiers(age, sex, area, month);
    }

    private static List<QuasiIdentifiers> times(int n, QuasiIdentifiers row) {
        return Collections.nCopies(n, row);
    }

    @SafeVarargs
    private static List<QuasiIdentifiers> rows(List<QuasiIdentifiers>... groups) {
        List<QuasiIdentifiers> all = new ArrayList<>();
        for (List<QuasiIdentifiers> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    private static KAnonymityPlan plan(List<QuasiIdentifiers> rows, int k, double fraction) {
        KAnonymiser anonymiser = new KAnonymiser(AREAS);
        rows.forEach(anonymiser::observe);
        return anonymiser.plan(k, fraction);
    }

    private static List<Optional<ReleasedQuasiIdentifiers>> secondPass(
            KAnonymityPlan plan, List<QuasiIdentifiers> rows) {
        return rows.stream().map(plan::apply).toList();
    }

    @Test
    void anAlreadyKAnonymousDatasetIsLeftAsItIs() {
        List<QuasiIdentifiers> rows = rows(
                times(5, row(30, "MALE", "Riverton", MAR)),
                times(6, row(41, "MALE", "Lakeside", MAR)),
                times(5, row(30, "FEMALE", "Riverton", JAN)));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        assertThat(plan.generalisation()).isEqualTo(Generalisation.NONE);
        assertThat(plan.generalised()).isEmpty();
        assertThat(plan.suppressedRows()).isZero();
        assertThat(plan.releasedClasses()).isEqualTo(3);
        assertThat(secondPass(plan, rows)).allMatch(Optional::isPresent);
        assertThat(plan.apply(row(30, "MALE", "Riverton", MAR)))
                .contains(new ReleasedQuasiIdentifiers("28-32", "MALE", "RIVERTON", "2026-03"));
        assertThat(plan.statement())
                .isEqualTo(
                        "k-anonymity with k = 5 on age, sex, area, period, programme, referral source, mandated and routing decision: nothing generalised; no rows suppressed.");
    }

    @Test
    void tooFineAgeBandsAreWidenedBeforeAnythingIsSuppressed() {
        // 3 aged 19 and 3 aged 24: two classes of 3 in 5-year bands, one of 6 in 10-year bands
        List<QuasiIdentifiers> rows =
                rows(times(3, row(19, "MALE", "Riverton", MAR)), times(3, row(24, "MALE", "Riverton", MAR)));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        assertThat(plan.generalisation().age()).isEqualTo(AgeLevel.TEN_YEAR);
        assertThat(plan.generalised()).containsExactly("age in 10-year bands");
        assertThat(plan.suppressedRows()).isZero();
        assertThat(secondPass(plan, rows))
                .containsOnly(Optional.of(new ReleasedQuasiIdentifiers("18-27", "MALE", "RIVERTON", "2026-03")));
        assertThat(plan.statement()).contains("age in 10-year bands; no rows suppressed");
    }

    @Test
    void monthsAreWidenedToAQuarterWhenWiderAgeBandsAreNotEnough() {
        List<QuasiIdentifiers> rows = rows(
                times(2, row(30, "FEMALE", "Lakeside", JAN)),
                times(2, row(31, "FEMALE", "Lakeside", FEB)),
                times(2, row(32, "FEMALE", "Lakeside", MAR)));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        assertThat(plan.generalisation()).isEqualTo(Generalisation.DEFAULT_ORDER.get(2));
        assertThat(plan.generalised()).containsExactly("age in 10-year bands", "dates widened to quarter");
        assertThat(secondPass(plan, rows))
                .containsOnly(Optional.of(new ReleasedQuasiIdentifiers("28-37", "FEMALE", "LAKESIDE", "2026-Q1")));
    }

    @Test
    void areasAreWidenedToTheirRegionWhenTheQuarterIsNotEnough() {
        List<QuasiIdentifiers> rows =
                rows(times(3, row(30, "MALE", "Riverton", JAN)), times(3, row(30, "MALE", "northshire", FEB)));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        // (step 3 widens the referral source to its kind, which these rows do not have: no help)
        assertThat(plan.generalisation()).isEqualTo(Generalisation.DEFAULT_ORDER.get(4));
        assertThat(secondPass(plan, rows))
                .containsOnly(Optional.of(new ReleasedQuasiIdentifiers("28-37", "MALE", "North East", "2026-Q1")));
    }

    @Test
    void aRareRowIsSuppressedWhenThatStaysWithinTheAllowedFraction() {
        QuasiIdentifiers outlier = row(70, "FEMALE", "Fellgate", FEB);
        List<QuasiIdentifiers> rows = rows(times(20, row(30, "MALE", "Riverton", MAR)), List.of(outlier));

        KAnonymityPlan plan = plan(rows, 5, 0.05);

        assertThat(plan.generalisation()).isEqualTo(Generalisation.NONE);
        assertThat(plan.suppressedRows()).isEqualTo(1);
        assertThat(plan.releasedRows()).isEqualTo(20);
        assertThat(plan.withinSuppressionLimit()).isTrue();
        assertThat(plan.apply(outlier)).isEmpty();
        assertThat(secondPass(plan, rows.subList(0, 20))).allMatch(Optional::isPresent);
        assertThat(plan.statement())
                .isEqualTo(
                        "k-anonymity with k = 5 on age, sex, area, period, programme, referral source, mandated and routing decision: "
                                + "nothing generalised; 1 of 21 rows (4.8%) suppressed as in classes smaller than 5.");
    }

    @Test
    void whenSuppressionWouldExceedTheFractionTheNextStepIsTakenInstead() {
        QuasiIdentifiers outlier = row(70, "FEMALE", "Fellgate", FEB);
        List<QuasiIdentifiers> rows = rows(times(20, row(30, "MALE", "Riverton", MAR)), List.of(outlier));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        // nothing short of suppressing age, sex and area merges the outlier into the big class
        assertThat(plan.generalisation()).isEqualTo(Generalisation.DEFAULT_ORDER.getLast());
        assertThat(plan.suppressedRows()).isZero();
        assertThat(plan.apply(outlier))
                .contains(new ReleasedQuasiIdentifiers("*", "*", "ALL", "2026", "*", "*", "*", "*"));
    }

    @Test
    void whenNoStepKeepsWithinTheFractionTheCoarsestIsUsedAndTheSmallClassesAreSuppressedAnyway() {
        List<QuasiIdentifiers> rows = rows(
                times(3, row(30, "MALE", "Riverton", MAR)),
                times(6, row(30, "MALE", "Riverton", YearMonth.of(2027, 1))));

        KAnonymityPlan plan = plan(rows, 5, 0.05);

        assertThat(plan.step()).isEqualTo(Generalisation.DEFAULT_ORDER.size() - 1);
        assertThat(plan.withinSuppressionLimit()).isFalse();
        assertThat(plan.suppressedRows()).isEqualTo(3);
        assertThat(plan.apply(rows.getFirst())).isEmpty();
        assertThat(plan.apply(rows.getLast()))
                .contains(new ReleasedQuasiIdentifiers("*", "*", "ALL", "2027", "*", "*", "*", "*"));
        assertThat(plan.statement()).contains("3 of 9 rows (33.3%) suppressed").contains("more than the 5.0% allowed");
    }

    @Test
    void everyReleasedAttributeANeighbourCouldKnowIsAQuasiIdentifierAndIsWidenedUntilKHolds() {
        // five alike on age, sex, area and month, but one is on the women's group: the programme alone
        // would pick her out, so it is widened to the programme's type
        QuasiIdentifiers man = row(30, "MALE", "Riverton", MAR)
                .withCircumstances("CHANGE-GROUP", "GROUP", "POLICE", "CRIMINAL_JUSTICE", false, "ENGAGE");
        QuasiIdentifiers her = row(30, "MALE", "Riverton", MAR)
                .withCircumstances("WOMEN-GROUP", "GROUP", "POLICE", "CRIMINAL_JUSTICE", false, "ENGAGE");
        List<QuasiIdentifiers> rows = rows(times(4, man), List.of(her));

        KAnonymityPlan plan = plan(rows, 5, 0.0);

        assertThat(plan.generalisation().programme()).isEqualTo(CategoryLevel.GROUPED);
        assertThat(plan.generalised()).contains("programme widened to its type");
        assertThat(plan.apply(her))
                .contains(new ReleasedQuasiIdentifiers(
                        "18-37", "MALE", "North East", "2026-Q1", "GROUP", "CRIMINAL_JUSTICE", "FALSE", "ENGAGE"));
        assertThat(plan.statement())
                .startsWith("k-anonymity with k = 5 on age, sex, area, period, programme, "
                        + "referral source, mandated and routing decision");

        // a mandated referral among voluntary ones is picked out too: suppressed once nothing else helps
        QuasiIdentifiers mandated = row(30, "MALE", "Riverton", MAR)
                .withCircumstances("CHANGE-GROUP", "GROUP", "POLICE", "CRIMINAL_JUSTICE", true, "ENGAGE");
        KAnonymityPlan second = plan(rows(times(5, man), List.of(mandated)), 5, 0.0);
        assertThat(second.apply(mandated).orElseThrow().mandated()).isEqualTo("*");
        assertThat(second.apply(man).orElseThrow().mandated()).isEqualTo("*");
    }

    @Test
    void aClassShowsAtLeastTwoDistinctValuesOfEachSensitiveOutcomeOrWithholdsIt() {
        KAnonymiser anonymiser = new KAnonymiser(
                AREAS,
                Generalisation.DEFAULT_ORDER,
                List.of("exitReason", "harmAfter", "childrenFrightenedAtExit", "convictionsAfter"),
                2);
        QuasiIdentifiers a = row(30, "MALE", "Riverton", MAR);
        QuasiIdentifiers b = row(50, "FEMALE", "Lakeside", JAN);
        // class a: everyone who left completed (homogeneous), harm varies, one child measure recorded once,
        // no conviction recorded for anyone
        for (int i = 0; i < 5; i++) {
            anonymiser.observe(
                    a, java.util.Arrays.asList("COMPLETED", (long) i * 10, i == 0 ? Boolean.TRUE : null, null));
        }
        // class b: two exit reasons, harm all zero
        for (int i = 0; i < 5; i++) {
            anonymiser.observe(b, java.util.Arrays.asList(i % 2 == 0 ? "COMPLETED" : "DROPPED_OUT", 0L, null, null));
        }

        KAnonymityPlan plan = anonymiser.plan(5, 0.0);

        ReleasedQuasiIdentifiers classA = plan.apply(a).orElseThrow();
        ReleasedQuasiIdentifiers classB = plan.apply(b).orElseThrow();
        assertThat(plan.withheld(classA)).containsExactlyInAnyOrder("exitReason", "childrenFrightenedAtExit");
        assertThat(plan.withheld(classB)).containsExactly("harmAfter");
        assertThat(plan.l()).isEqualTo(2);
        assertThat(plan.outcomesWithheld()).isEqualTo(3);
        assertThat(plan.classesWithholding()).isEqualTo(2);
        assertThat(plan.statement())
                .endsWith(
                        "l-diversity with l = 2 on 4 sensitive outcomes: 3 outcomes withheld in "
                                + "2 classes where fewer than 2 distinct values were recorded (left out of every row of the class).");
        assertThatThrownBy(() ->
                        new KAnonymiser(AREAS, Generalisation.DEFAULT_ORDER, List.of("x"), 2).observe(a, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kOfOneChangesNothing() {
        List<QuasiIdentifiers> rows = List.of(
                row(19, "MALE", "Riverton", JAN), row(70, "FEMALE", null, FEB), row(null, null, "Smallvale", MAR));

        KAnonymityPlan plan = plan(rows, 1, 0.0);

        assertThat(plan.generalisation()).isEqualTo(Generalisation.NONE);
        assertThat(plan.suppressedRows()).isZero();
        assertThat(secondPass(plan, rows))
                .containsExactly(
                        Optional.of(new ReleasedQuasiIdentifiers("18-22", "MALE", "RIVERTON", "2026-01")),
                        Optional.of(new ReleasedQuasiIdentifiers("68-72", "FEMALE", "UNKNOWN", "2026-02")),
                        Optional.of(new ReleasedQuasiIdentifiers("UNKNOWN", "UNKNOWN", "SMALLVALE", "2026-03")));
    }

    @Test
    void anEmptyDatasetGivesAPlanThatChangesNothingAndShowsNoRowItDidNotCount() {
        KAnonymityPlan plan = plan(List.of(), 5, 0.05);

        assertThat(plan.generalisation()).isEqualTo(Generalisation.NONE);
        assertThat(plan.totalRows()).isZero();
        assertThat(plan.suppressedRows()).isZero();
        assertThat(plan.releasedClasses()).isZero();
        assertThat(plan.statement()).endsWith("nothing generalised; no rows suppressed.");
        assertThat(plan.apply(row(30, "MALE", "Riverton", MAR))).isEmpty();
    }

    @Test
    void rowsThatChangeBetweenThePassesAreSuppressedOrReported() {
        List<QuasiIdentifiers> rows = times(5, row(30, "MALE", "Riverton", MAR));
        KAnonymityPlan plan = plan(rows, 5, 0.0);

        // a new row in a class already shown: showing it keeps the class at k or more
        assertThat(plan.apply(row(31, "MALE", "riverton", MAR))).isPresent();
        // a new row in a class never counted: never shown
        assertThat(plan.apply(row(30, "FEMALE", "Riverton", MAR))).isEmpty();

        assertThat(plan.applied()).isEqualTo(new KAnonymityPlan.Applied(1, 1, 1, false, false));
    }

    @Test
    void theSecondPassTalliesWhatItShowedAndConfirmsThePlan() {
        List<QuasiIdentifiers> rows = rows(
                times(7, row(30, "MALE", "Riverton", MAR)),
                times(5, row(50, "FEMALE", "Lakeside", JAN)),
                List.of(row(20, "FEMALE", "Lakeside", JAN)));
        KAnonymityPlan plan = plan(rows, 5, 0.1);

        secondPass(plan, rows);

        assertThat(plan.applied()).isEqualTo(new KAnonymityPlan.Applied(12, 1, 5, true, true));
    }

    @Test
    void memoryGrowsWithDistinctClassesNotRows() {
        KAnonymiser anonymiser = new KAnonymiser(AREAS);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 100_000; i++) {
            anonymiser.observe(row(
                    18 + random.nextInt(10),
                    random.nextBoolean() ? "MALE" : "FEMALE",
                    random.nextBoolean() ? "Riverton" : "Lakeside",
                    random.nextBoolean() ? JAN : FEB));
        }

        assertThat(anonymiser.observedRows()).isEqualTo(100_000);
        // two 5-year bands x two sexes x two areas x two months
        assertThat(anonymiser.observedClasses()).isEqualTo(16);
    }

    @Test
    void misuseIsRefused() {
        KAnonymiser anonymiser = new KAnonymiser(AREAS);
        anonymiser.observe(row(30, "MALE", "Riverton", MAR));
        anonymiser.plan();

        assertThatThrownBy(() -> anonymiser.observe(row(30, "MALE", "Riverton", MAR)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> anonymiser.plan(0, 0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anonymiser.plan(5, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> anonymiser.plan(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KAnonymiser(AREAS, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new KAnonymiser(AREAS, List.of(Generalisation.DEFAULT_ORDER.get(2), Generalisation.NONE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer");
        assertThatThrownBy(() -> row(-1, "MALE", "Riverton", MAR)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDateOfBirthIsReducedToAnAgeOnTheReferenceDate() {
        QuasiIdentifiers qi =
                QuasiIdentifiers.of(LocalDate.of(2000, 4, 1), LocalDate.of(2026, 3, 31), "MALE", "Riverton", MAR);

        assertThat(qi.age()).isEqualTo(25);
        assertThat(QuasiIdentifiers.of(null, LocalDate.of(2026, 3, 31), "MALE", "Riverton", MAR)
                        .age())
                .isNull();
    }

    @Test
    void theDefaultOrderWidensStepByStepAndEndsWithEverythingButTheYearSuppressed() {
        List<Generalisation> order = Generalisation.DEFAULT_ORDER;
        assertThat(order.getFirst()).isEqualTo(Generalisation.NONE);
        for (int i = 1; i < order.size(); i++) {
            assertThat(order.get(i).atLeast(order.get(i - 1))).isTrue();
            assertThat(order.get(i)).isNotEqualTo(order.get(i - 1));
        }
        CategoryLevel off = CategoryLevel.SUPPRESSED;
        assertThat(order.getLast())
                .isEqualTo(new Generalisation(
                        AgeLevel.SUPPRESSED, SexLevel.SUPPRESSED, AreaLevel.ALL, PeriodLevel.YEAR, off, off, off, off));
    }

    @Test
    void onSeededRandomDatasetsEveryClassShownHasAtLeastKRowsAndNoEarlierStepWouldHaveDone() {
        List<String> areas = List.of("Riverton", "Northshire", "Lakeside", "Fellgate", "Smallvale", "Outby");
        List<String> sexes = List.of("MALE", "MALE", "MALE", "FEMALE");
        double[] fractions = {0.0, 0.01, 0.05, 0.2};
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            int size = random.nextInt(400);
            int k = 1 + random.nextInt(8);
            double fraction = fractions[random.nextInt(fractions.length)];
            List<QuasiIdentifiers> rows = new ArrayList<>();
            List<String> programmes = List.of("CHANGE-GROUP", "CHANGE-GROUP", "DRIVE-1TO1", "WOMEN-GROUP");
            List<String> sources = List.of("POLICE", "PROBATION", "SELF", "HEALTH", "RISK_MATRIX");
            for (int i = 0; i < size; i++) {
                String programme = random.nextInt(5) == 0 ? null : programmes.get(random.nextInt(programmes.size()));
                String source = programme == null ? null : sources.get(random.nextInt(sources.size()));
                rows.add(row(
                                random.nextInt(20) == 0 ? null : 15 + random.nextInt(70),
                                random.nextInt(30) == 0 ? null : sexes.get(random.nextInt(sexes.size())),
                                areas.get(random.nextInt(areas.size())),
                                YearMonth.of(2025 + random.nextInt(2), 1 + random.nextInt(12)))
                        .withCircumstances(
                                programme,
                                programme == null ? null : programme.equals("DRIVE-1TO1") ? "ONE_TO_ONE" : "GROUP",
                                source,
                                source == null
                                        ? null
                                        : source.equals("SELF")
                                                ? "SELF"
                                                : source.equals("HEALTH") ? "AGENCY" : "CRIMINAL_JUSTICE",
                                programme == null ? null : random.nextInt(4) == 0,
                                random.nextInt(3) == 0 ? null : random.nextBoolean() ? "ENGAGE" : "CATCH_AND_CONVICT"));
            }

            KAnonymityPlan plan = plan(rows, k, fraction);
            List<Optional<ReleasedQuasiIdentifiers>> shown = secondPass(plan, rows);

            String context = "seed %d, %d rows, k %d, fraction %s".formatted(seed, size, k, fraction);
            Map<ReleasedQuasiIdentifiers, Long> classes = shown.stream()
                    .flatMap(Optional::stream)
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(classes.values()).as(context).allMatch(n -> n >= k);
            long suppressed = shown.stream().filter(Optional::isEmpty).count();
            assertThat(suppressed).as(context).isEqualTo(plan.suppressedRows());
            for (int i = 0; i < size; i++) {
                QuasiIdentifiers r = rows.get(i);
                shown.get(i)
                        .ifPresent(released -> assertThat(released)
                                .as(context)
                                .isEqualTo(plan.generalisation().release(r, AREAS)));
            }
            long allowed = BigDecimal.valueOf(fraction)
                    .multiply(BigDecimal.valueOf(size))
                    .setScale(0, RoundingMode.FLOOR)
                    .longValue();
            if (plan.withinSuppressionLimit()) {
                assertThat(suppressed).as(context).isLessThanOrEqualTo(allowed);
            } else {
                assertThat(plan.step()).as(context).isEqualTo(Generalisation.DEFAULT_ORDER.size() - 1);
            }
            for (int step = 0; step < plan.step(); step++) {
                assertThat(rowsInSmallClasses(rows, Generalisation.DEFAULT_ORDER.get(step), k))
                        .as(context + ", step " + step)
                        .isGreaterThan(allowed);
            }
            assertThat(plan.applied().kHolds()).isTrue();
            assertThat(plan.applied().matchesPlan()).isTrue();
        }
    }

    /** Counted from the raw rows, apart from the anonymiser's own bookkeeping. */
    private static long rowsInSmallClasses(List<QuasiIdentifiers> rows, Generalisation generalisation, int k) {
        Map<ReleasedQuasiIdentifiers, Long> classes = new HashMap<>();
        for (QuasiIdentifiers r : rows) {
            classes.merge(generalisation.release(r, AREAS), 1L, Long::sum);
        }
        return classes.values().stream()
                .filter(n -> n < k)
                .mapToLong(Long::longValue)
                .sum();
    }
}
