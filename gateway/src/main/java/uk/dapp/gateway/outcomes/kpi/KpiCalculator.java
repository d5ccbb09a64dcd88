package uk.dapp.gateway.outcomes.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.Ladders;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.privacy.PeriodLevel;
import uk.dapp.platform.privacy.SmallCellSuppressor;

/**
 * The partnerships' outcome KPIs by area (or programme, or referral source) and period, from joined cases read one at a time: memory
 * holds one tally per KPI, area and period (and, for the median, per distinct number of days), never
 * the cases. Not thread-safe; one calculator per report.
 *
 * <p>Each case is counted in one cell: its <b>row</b> is the risk matrix's area (UNKNOWN without one,
 * and widened to its region at {@link AreaLevel#REGION}), or its latest referral's programme or referral
 * source ({@link KpiBreakdown}); its <b>period</b> is the month of the first
 * routing decision, else the month of the programme referral, else UNKNOWN, widened to the quarter or
 * year asked for. Each count table is suppressed with {@link SmallCellSuppressor}, a rate's numerator and
 * denominator together ({@code suppressTogether}); sums, rates and
 * medians are published only through the count tables they are built on (see {@link #SUPPRESSION}).
 * The KPIs are defined one by one in {@link KpiCount}, and in {@code docs/kpis.md}.
 */
public final class KpiCalculator {

    /** The rule stated with every report. */
    public static final String SUPPRESSION = "Counts of 1 to %d people (or victims), totals included, are hidden "
            + "(null, shown as [c] in print); further cells are hidden (secondary suppression) so that no hidden "
            + "count can be worked out exactly from its row, column or grand totals. A rate's numerator and "
            + "denominator (and the counts sharing that denominator) are hidden with one pattern, and a cell where "
            + "their difference is 1 to %d is hidden too, so that no count can be subtracted from another. A sum is "
            + "shown only where "
            + "the count of the people it adds up is shown, hiding the same cells; a rate only where both its "
            + "numerator and denominator are shown and the denominator is not zero; a median only where its "
            + "count is shown (so it describes more than %d people).";

    /** The row of a case with no programme referral, by programme or by referral source. */
    public static final String NOT_REFERRED = "NOT_REFERRED";

    private final PeriodLevel periodLevel;
    private final AreaLevel areaLevel;
    private final KpiBreakdown breakdown;
    private final AreaLadder areas;
    private final SmallCellSuppressor suppressor;
    private final LocalDate snapshotDay;
    private final Map<String, KpiComparison> comparisons;

    private final Map<KpiCount, Map<KpiPlace, Long>> counts = new EnumMap<>(KpiCount.class);
    private final Map<KpiPlace, Long> repeatVictims = new HashMap<>();
    private final Map<KpiPlace, Long> harmBefore = new HashMap<>();
    private final Map<KpiPlace, Long> harmAfter = new HashMap<>();
    /** Working days to first contact: per place, how many partners waited each number of days. */
    private final Map<KpiPlace, TreeMap<Integer, Long>> daysToContact = new HashMap<>();

    private final Set<String> rowLabels = new TreeSet<>(LABEL_ORDER);
    private final Set<String> columnLabels = new TreeSet<>(LABEL_ORDER);

    /** Alphabetical (months, quarters and years sort in time), UNKNOWN last. */
    private static final Comparator<String> LABEL_ORDER = Comparator.<String, Boolean>comparing(
                    label -> label.equals(Ladders.UNKNOWN))
            .thenComparing(Comparator.naturalOrder());

    /**
     * @param periodLevel month, quarter or year
     * @param areaLevel {@link AreaLevel#AREA} or {@link AreaLevel#REGION} (or ALL: one row), for rows by area
     * @param breakdown what the rows are: areas, programmes or referral sources
     * @param areas the area-to-region ladder
     * @param suppressor the small-cell rule (threshold 7 by default)
     * @param snapshotDay the snapshot's day (UK), for the follow-up windows
     * @param comparisons the outcome framework's comparison figures, by rate name (none for the others)
     */
    public KpiCalculator(
            PeriodLevel periodLevel,
            AreaLevel areaLevel,
            KpiBreakdown breakdown,
            AreaLadder areas,
            SmallCellSuppressor suppressor,
            LocalDate snapshotDay,
            Map<String, KpiComparison> comparisons) {
        this.periodLevel = periodLevel;
        this.areaLevel = areaLevel;
        this.breakdown = breakdown;
        this.areas = areas;
        this.suppressor = suppressor;
        this.snapshotDay = snapshotDay;
        this.comparisons = Map.copyOf(comparisons);
    }

    /** Counts one case. */
    public void accept(JoinedCase joined) {
        RiskMatrixContribution risk = joined.riskMatrix();
        ProgrammeContribution programme = joined.programme();
        PartnerSupportContribution partner = joined.partnerSupport();
        KpiPlace place =
                new KpiPlace(row(risk, programme), PeriodLadder.generalise(month(risk, programme), periodLevel));
        rowLabels.add(place.row());
        columnLabels.add(place.period());

        if (risk != null && risk.getRoutingDecision() != null) {
            count(KpiCount.IDENTIFIED, place);
            if (risk.getHarmBefore() != null && risk.getHarmAfter() != null) {
                count(KpiCount.HARM_COMPARED, place);
                harmBefore.merge(place, risk.getHarmBefore(), Long::sum);
                harmAfter.merge(place, risk.getHarmAfter(), Long::sum);
            }
            int victims = risk.getRepeatVictimsAfter() == null ? 0 : risk.getRepeatVictimsAfter();
            if (victims > 0) {
                count(KpiCount.WITH_REPEAT_VICTIMS, place);
                repeatVictims.merge(place, (long) victims, Long::sum);
            }
            if (risk.getRoutingDecision() == RiskMatrixContribution.RoutingDecisionEnum.CATCH_AND_CONVICT) {
                count(KpiCount.CATCH_AND_CONVICT, place);
                if (risk.getJusticeOutcomesAfter() != null && risk.getJusticeOutcomesAfter() > 0) {
                    count(KpiCount.CATCH_AND_CONVICT_JUSTICE, place);
                }
            }
            if (positive(risk.getDomesticAbuseCrimesAfter())) {
                count(KpiCount.WITH_DOMESTIC_ABUSE_CRIME, place);
                countIf(KpiCount.WITH_POSITIVE_DISPOSAL, place, positive(risk.getPositiveDisposalsAfter()));
            }
            if (positive(risk.getProsecutionsConcludedAfter())) {
                count(KpiCount.WITH_PROSECUTION_CONCLUDED, place);
                countIf(KpiCount.CONVICTED, place, positive(risk.getConvictionsAfter()));
            }
        }
        if (programme != null) {
            count(KpiCount.REFERRED, place);
            if (programme.getExitReason() != null) {
                count(KpiCount.EXITS, place);
                if ("COMPLETED".equals(programme.getExitReason())) {
                    count(KpiCount.COMPLETIONS, place);
                    EffectiveCompletion.Verdict verdict = EffectiveCompletion.of(
                            programme.getExitDate(),
                            risk == null ? null : risk.getDomesticAbuseIncidentDates(),
                            snapshotDay);
                    if (verdict != EffectiveCompletion.Verdict.NOT_FOLLOWED_UP) {
                        count(KpiCount.COMPLETIONS_FOLLOWED_UP, place);
                        countIf(
                                KpiCount.EFFECTIVE_COMPLETIONS,
                                place,
                                verdict == EffectiveCompletion.Verdict.EFFECTIVE);
                    }
                }
            }
        }
        if (partner != null) {
            if (partner.getOutcomesComparedTo() != null) {
                count(KpiCount.PARTNERS_COMPARED, place);
                countIf(KpiCount.CESSATION, place, improved(partner.getCessationOfAbuseChange()));
                countIf(KpiCount.REDUCED_RISK, place, improved(partner.getRiskNowChange()));
                countIf(KpiCount.FEELING_SAFER, place, improved(partner.getFeelingSafeChange()));
                countIf(KpiCount.QUALITY_OF_LIFE, place, improved(partner.getQualityOfLifeChange()));
            }
            if (partner.getChildrenFrightenedAtIntake() != null && partner.getChildrenFrightenedLater() != null) {
                count(KpiCount.CHILDREN_COMPARED, place);
                countIf(KpiCount.CHILDREN_FRIGHTENED_AT_INTAKE, place, partner.getChildrenFrightenedAtIntake());
                countIf(KpiCount.CHILDREN_FRIGHTENED_LATER, place, partner.getChildrenFrightenedLater());
            }
            if (partner.getWorkingDaysToFirstContact() != null) {
                count(KpiCount.CONTACTED, place);
                countIf(KpiCount.WITHIN_DEADLINE, place, Boolean.TRUE.equals(partner.getFirstContactWithinDeadline()));
                daysToContact
                        .computeIfAbsent(place, p -> new TreeMap<>())
                        .merge(partner.getWorkingDaysToFirstContact(), 1L, Long::sum);
            }
        }
    }

    private static boolean positive(Integer count) {
        return count != null && count > 0;
    }

    /** The case's row: its area (or region), its latest referral's programme, or that referral's source. */
    private String row(RiskMatrixContribution risk, ProgrammeContribution programme) {
        return switch (breakdown) {
            case AREA -> areas.generalise(risk == null ? null : risk.getArea(), areaLevel);
            case PROGRAMME -> programme == null ? NOT_REFERRED : label(programme.getProgrammeCode());
            case REFERRAL_SOURCE -> programme == null ? NOT_REFERRED : label(programme.getReferralSource());
        };
    }

    private static String label(String code) {
        return code == null || code.isBlank() ? Ladders.UNKNOWN : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Every score is 1 to 5 with higher better (partner support's outcome scales), so a rise is an improvement. */
    private static boolean improved(Integer change) {
        return change != null && change > 0;
    }

    private static YearMonth month(RiskMatrixContribution risk, ProgrammeContribution programme) {
        YearMonth decided = risk == null ? null : parse(risk.getDecisionMonth());
        if (decided != null) {
            return decided;
        }
        return programme == null ? null : parse(programme.getReferralMonth());
    }

    private static YearMonth parse(String month) {
        if (month == null) {
            return null;
        }
        try {
            return PeriodLadder.parseMonth(month);
        } catch (DateTimeParseException e) {
            return null; // a month the contract does not allow: counted as unknown, never guessed
        }
    }

    private void count(KpiCount what, KpiPlace place) {
        counts.computeIfAbsent(what, w -> new HashMap<>()).merge(place, 1L, Long::sum);
    }

    private void countIf(KpiCount what, KpiPlace place, boolean condition) {
        if (condition) {
            count(what, place);
        }
    }

    /** The report: every table over the same areas and periods (every one seen in any case). */
    public KpiReport report() {
        List<String> rows = List.copyOf(rowLabels);
        List<String> columns = List.copyOf(columnLabels);
        KpiPublication publication = new KpiPublication(rows, columns, suppressor, counts);
        List<KpiTable> tables = new ArrayList<>();
        for (KpiCount what : KpiCount.values()) {
            tables.add(publication.count(what));
        }
        tables.add(publication.sum(
                "repeatVictims",
                "victims",
                "distinct victims harmed after the decision (within 12 months, up "
                        + "to the snapshot) who had been harmed by the same perpetrator on an earlier day, summed over "
                        + "perpetratorsWithRepeatVictims",
                KpiCount.WITH_REPEAT_VICTIMS,
                repeatVictims));
        tables.add(publication.sum(
                "harmBefore",
                "harm days",
                "crime harm (days of custody, Cambridge Crime Harm Index style) of "
                        + "incidents in the 12 months before the decision, summed over harmCompared",
                KpiCount.HARM_COMPARED,
                harmBefore));
        tables.add(publication.sum(
                "harmAfter",
                "harm days",
                "crime harm of incidents in the 12 months from the decision, up to "
                        + "the snapshot (shorter for recent decisions), summed over harmCompared",
                KpiCount.HARM_COMPARED,
                harmAfter));
        Map<KpiPlace, Long> change = new HashMap<>(harmAfter);
        harmBefore.forEach((place, before) -> change.merge(place, -before, Long::sum));
        tables.add(publication.sum(
                "harmChange",
                "harm days",
                "the cohort's total harm score change: harm after minus harm "
                        + "before, summed over harmCompared (negative is less harm)",
                KpiCount.HARM_COMPARED,
                change));
        tables.add(publication.rate(
                "completionRate", "completed exits out of all exits", KpiCount.COMPLETIONS, KpiCount.EXITS));
        tables.add(publication.rate(
                "effectiveCompletionRate",
                "effective completions (no further domestic-abuse incident in "
                        + "the 12 months after the exit) out of completions followed up that long (Essex)",
                KpiCount.EFFECTIVE_COMPLETIONS,
                KpiCount.COMPLETIONS_FOLLOWED_UP));
        tables.add(publication.rate(
                "repeatVictimisationRate",
                "perpetrators with a repeat victim after the decision, out of " + "perpetrators identified",
                KpiCount.WITH_REPEAT_VICTIMS,
                KpiCount.IDENTIFIED));
        tables.add(publication.rate(
                "catchAndConvictPositiveOutcomeRate",
                "catch-and-convict cases with a charge or caution "
                        + "after the decision, out of all catch-and-convict cases",
                KpiCount.CATCH_AND_CONVICT_JUSTICE,
                KpiCount.CATCH_AND_CONVICT));
        tables.add(publication.rate(
                "positiveDisposalRate",
                "perpetrators with a domestic-abuse crime after the decision at "
                        + "least one of which was charged or cautioned, out of perpetrators with such a crime",
                KpiCount.WITH_POSITIVE_DISPOSAL,
                KpiCount.WITH_DOMESTIC_ABUSE_CRIME));
        tables.add(publication.rate(
                "successfulProsecutionRate",
                "perpetrators convicted, out of perpetrators whose "
                        + "prosecution for domestic abuse concluded after the decision",
                KpiCount.CONVICTED,
                KpiCount.WITH_PROSECUTION_CONCLUDED));
        tables.add(publication.rate(
                "lessAbuseRate",
                "partners reporting less abuse out of partners with outcomes compared",
                KpiCount.CESSATION,
                KpiCount.PARTNERS_COMPARED));
        tables.add(publication.rate(
                "reducedRiskRate",
                "partners reporting reduced risk out of partners with outcomes compared",
                KpiCount.REDUCED_RISK,
                KpiCount.PARTNERS_COMPARED));
        tables.add(publication.rate(
                "feelingSaferRate",
                "partners feeling safer out of partners with outcomes compared",
                KpiCount.FEELING_SAFER,
                KpiCount.PARTNERS_COMPARED));
        tables.add(publication.rate(
                "betterQualityOfLifeRate",
                "partners reporting a better quality of life out of partners " + "with outcomes compared",
                KpiCount.QUALITY_OF_LIFE,
                KpiCount.PARTNERS_COMPARED));
        tables.add(publication.rate(
                "childrenFrightenedAtIntakeRate",
                "partners reporting their children frightened at "
                        + "intake, out of partners with children's fear compared",
                KpiCount.CHILDREN_FRIGHTENED_AT_INTAKE,
                KpiCount.CHILDREN_COMPARED));
        tables.add(publication.rate(
                "childrenFrightenedAtExitRate",
                "partners reporting their children frightened at exit (or " + "midway), out of the same partners",
                KpiCount.CHILDREN_FRIGHTENED_LATER,
                KpiCount.CHILDREN_COMPARED));
        tables.add(publication.rate(
                "contactedWithinDeadlineRate",
                "partners first reached by the local deadline out of " + "partners reached",
                KpiCount.WITHIN_DEADLINE,
                KpiCount.CONTACTED));
        tables.add(publication.medianDaysToContact(daysToContact));
        List<KpiTable> compared = tables.stream()
                .map(table -> table.kind() == KpiKind.RATE ? table.comparedWith(comparisons.get(table.name())) : table)
                .toList();
        return new KpiReport(
                periodLevel,
                areaLevel,
                breakdown,
                suppressor.threshold(),
                SUPPRESSION.formatted(suppressor.threshold(), suppressor.threshold(), suppressor.threshold()),
                compared);
    }
}
