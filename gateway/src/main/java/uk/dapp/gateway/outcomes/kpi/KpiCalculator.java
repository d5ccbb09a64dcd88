package uk.dapp.gateway.outcomes.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.function.Predicate;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.gateway.outcomes.JoinedCase;
import uk.dapp.platform.privacy.AreaLadder;
import uk.dapp.platform.privacy.AreaLevel;
import uk.dapp.platform.privacy.CountTable;
import uk.dapp.platform.privacy.Ladders;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.privacy.PeriodLevel;
import uk.dapp.platform.privacy.SmallCellSuppressor;
import uk.dapp.platform.privacy.SuppressedTable;

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
 * The KPIs are defined one by one in {@link Count}, and in {@code docs/kpis.md}.
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

    /** The count tables: people, each case counted at most once per table. */
    public enum Count {
        /** Cases with a routing decision on the risk matrix (engage or catch-and-convict). */
        IDENTIFIED("identified", "people", "perpetrators identified: cases with a routing decision on the risk matrix"),
        /**
         * Cases with a programme referral, from any source. Every programme in the catalogue is a
         * perpetrator behaviour change intervention (Drive-style one-to-one case management or
         * Change-style group work), so every referral counts.
         */
        REFERRED(
                "referredToProgramme",
                "people",
                "perpetrators referred into a behaviour change programme: cases "
                        + "with a programme referral (any catalogued programme, Drive-style one-to-one or Change-style group; any source)"),
        /** Cases whose (latest) referral has exited the programme, for any reason. */
        EXITS(
                "programmeExits",
                "people",
                "cases whose latest programme referral has exited, for any reason "
                        + "(completed, dropped out, excluded, transferred, breached)"),
        /** Of those, exits as COMPLETED. */
        COMPLETIONS("programmeCompletions", "people", "cases whose latest programme referral exited as completed"),
        /** Completions whose follow-up window has passed, on the risk matrix ({@link EffectiveCompletion}). */
        COMPLETIONS_FOLLOWED_UP(
                "completionsFollowedUp",
                "people",
                "cases on the risk matrix whose latest programme "
                        + "referral exited as completed at least 12 months before the snapshot (the follow-up window has passed)"),
        /** Of those, with no domestic-abuse incident in the window: the Essex effective completion. */
        EFFECTIVE_COMPLETIONS(
                "effectiveCompletions",
                "people",
                "of those, completions with no further "
                        + "domestic-abuse incident recorded in the 12 months after the exit (effective completion, Essex)"),
        /** Decided cases with both harm figures: the people the harm sums add up. */
        HARM_COMPARED("harmCompared", "people", "cases with a routing decision and harm days before and after it"),
        /** Decided cases with at least one repeat victim after the decision. */
        WITH_REPEAT_VICTIMS(
                "perpetratorsWithRepeatVictims",
                "people",
                "cases with a routing decision where a "
                        + "victim harmed after it (within 12 months, up to the snapshot) had been harmed by him before"),
        /** Cases decided catch-and-convict (first decision). */
        CATCH_AND_CONVICT("catchAndConvict", "people", "cases whose routing decision is catch-and-convict"),
        /** Of those, with a charge or caution for an incident after the decision. */
        CATCH_AND_CONVICT_JUSTICE(
                "catchAndConvictWithJusticeOutcome",
                "people",
                "catch-and-convict cases with "
                        + "at least one incident after the decision (within 12 months, up to the snapshot) charged or cautioned"),
        /** Decided cases with a domestic-abuse crime after the decision. */
        WITH_DOMESTIC_ABUSE_CRIME(
                "perpetratorsWithDomesticAbuseCrimeAfter",
                "people",
                "cases with a routing "
                        + "decision and a domestic-abuse crime after it (within 12 months, up to the snapshot)"),
        /** Of those, with at least one of those crimes charged or cautioned. */
        WITH_POSITIVE_DISPOSAL(
                "perpetratorsWithPositiveDisposal",
                "people",
                "of those, cases where at least one "
                        + "of those crimes was charged or cautioned (a positive disposal)"),
        /** Decided cases with a prosecution for domestic abuse concluded after the decision. */
        WITH_PROSECUTION_CONCLUDED(
                "perpetratorsWithProsecutionConcluded",
                "people",
                "cases with a routing "
                        + "decision and a prosecution for a domestic-abuse incident concluded in court after it (within 12 "
                        + "months, up to the snapshot; convicted, acquitted, dismissed or discontinued)"),
        /** Of those, convicted at least once: a successful prosecution. */
        CONVICTED(
                "perpetratorsConvicted",
                "people",
                "of those, cases where at least one of those prosecutions "
                        + "ended in a conviction (a successful prosecution)"),
        /** Partners (the case's first partner track) whose outcomes at intake and a later point can be compared. */
        PARTNERS_COMPARED(
                "partnersWithOutcomesCompared",
                "people",
                "partners (the case's first partner track) "
                        + "with partner-reported outcomes at intake and at exit, or midway when there is no exit yet"),
        CESSATION(
                "partnersReportingLessAbuse",
                "people",
                "of those, partners whose 'cessation of abuse' score "
                        + "rose (1 continuing or worse, 5 stopped entirely)"),
        REDUCED_RISK(
                "partnersReportingReducedRisk",
                "people",
                "of those, partners whose 'risk now' score rose " + "(1 at very high risk, 5 not at risk)"),
        FEELING_SAFER(
                "partnersFeelingSafer",
                "people",
                "of those, partners whose 'feeling safe' score rose " + "(1 not at all, 5 completely)"),
        QUALITY_OF_LIFE(
                "partnersWithBetterQualityOfLife",
                "people",
                "of those, partners whose 'quality of " + "life' score rose (1 very poor, 5 very good)"),
        /** Partners with children's fear recorded at intake and at the later point. */
        CHILDREN_COMPARED(
                "partnersWithChildrensFearCompared",
                "people",
                "partners (the case's first partner "
                        + "track) with children, whose children's fear of the perpetrator was recorded at intake and at exit, "
                        + "or midway when there is no exit yet"),
        CHILDREN_FRIGHTENED_AT_INTAKE(
                "childrenFrightenedAtIntake",
                "people",
                "of those, partners who reported "
                        + "their children frightened at intake (children's fear 1 very afraid to 3 somewhat afraid, of 5)"),
        CHILDREN_FRIGHTENED_LATER(
                "childrenFrightenedAtExit",
                "people",
                "of those, partners who reported their "
                        + "children frightened at exit (or midway when there is no exit yet)"),
        /** Partners reached by the snapshot. */
        CONTACTED(
                "partnersContacted",
                "people",
                "partners (the case's first partner track) reached by a contact " + "attempt by the snapshot"),
        WITHIN_DEADLINE(
                "partnersContactedWithinDeadline",
                "people",
                "of those, partners first reached by the "
                        + "track's first-contact due date (local policy, default 5 working days from the referral)");

        private final String kpi;
        private final String unit;
        private final String definition;

        Count(String kpi, String unit, String definition) {
            this.kpi = kpi;
            this.unit = unit;
            this.definition = definition;
        }

        public String kpi() {
            return kpi;
        }
    }

    /**
     * The count tables published with one suppression pattern: each list's first table is a rate's
     * denominator, the others its numerators (subsets of it), so no count can be subtracted from another.
     */
    private static final List<List<Count>> TOGETHER = List.of(
            List.of(Count.IDENTIFIED, Count.WITH_REPEAT_VICTIMS),
            List.of(Count.EXITS, Count.COMPLETIONS),
            List.of(Count.COMPLETIONS_FOLLOWED_UP, Count.EFFECTIVE_COMPLETIONS),
            List.of(Count.CATCH_AND_CONVICT, Count.CATCH_AND_CONVICT_JUSTICE),
            List.of(Count.WITH_DOMESTIC_ABUSE_CRIME, Count.WITH_POSITIVE_DISPOSAL),
            List.of(Count.WITH_PROSECUTION_CONCLUDED, Count.CONVICTED),
            List.of(
                    Count.PARTNERS_COMPARED,
                    Count.CESSATION,
                    Count.REDUCED_RISK,
                    Count.FEELING_SAFER,
                    Count.QUALITY_OF_LIFE),
            List.of(Count.CHILDREN_COMPARED, Count.CHILDREN_FRIGHTENED_AT_INTAKE, Count.CHILDREN_FRIGHTENED_LATER),
            List.of(Count.CONTACTED, Count.WITHIN_DEADLINE));

    /** The row of a case with no programme referral, by programme or by referral source. */
    public static final String NOT_REFERRED = "NOT_REFERRED";

    /** A row label (area, programme or referral source) and a period. */
    private record Place(String area, String period) {}

    private final PeriodLevel periodLevel;
    private final AreaLevel areaLevel;
    private final KpiBreakdown breakdown;
    private final AreaLadder areas;
    private final SmallCellSuppressor suppressor;
    private final LocalDate snapshotDay;
    private final Map<String, KpiComparison> comparisons;

    private final Map<Count, Map<Place, Long>> counts = new EnumMap<>(Count.class);
    private final Map<Place, Long> repeatVictims = new HashMap<>();
    private final Map<Place, Long> harmBefore = new HashMap<>();
    private final Map<Place, Long> harmAfter = new HashMap<>();
    /** Working days to first contact: per place, how many partners waited each number of days. */
    private final Map<Place, TreeMap<Integer, Long>> daysToContact = new HashMap<>();

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
        Place place = new Place(row(risk, programme), PeriodLadder.generalise(month(risk, programme), periodLevel));
        rowLabels.add(place.area());
        columnLabels.add(place.period());

        if (risk != null && risk.getRoutingDecision() != null) {
            count(Count.IDENTIFIED, place);
            if (risk.getHarmBefore() != null && risk.getHarmAfter() != null) {
                count(Count.HARM_COMPARED, place);
                harmBefore.merge(place, risk.getHarmBefore(), Long::sum);
                harmAfter.merge(place, risk.getHarmAfter(), Long::sum);
            }
            int victims = risk.getRepeatVictimsAfter() == null ? 0 : risk.getRepeatVictimsAfter();
            if (victims > 0) {
                count(Count.WITH_REPEAT_VICTIMS, place);
                repeatVictims.merge(place, (long) victims, Long::sum);
            }
            if (risk.getRoutingDecision() == RiskMatrixContribution.RoutingDecisionEnum.CATCH_AND_CONVICT) {
                count(Count.CATCH_AND_CONVICT, place);
                if (risk.getJusticeOutcomesAfter() != null && risk.getJusticeOutcomesAfter() > 0) {
                    count(Count.CATCH_AND_CONVICT_JUSTICE, place);
                }
            }
            if (positive(risk.getDomesticAbuseCrimesAfter())) {
                count(Count.WITH_DOMESTIC_ABUSE_CRIME, place);
                countIf(Count.WITH_POSITIVE_DISPOSAL, place, positive(risk.getPositiveDisposalsAfter()));
            }
            if (positive(risk.getProsecutionsConcludedAfter())) {
                count(Count.WITH_PROSECUTION_CONCLUDED, place);
                countIf(Count.CONVICTED, place, positive(risk.getConvictionsAfter()));
            }
        }
        if (programme != null) {
            count(Count.REFERRED, place);
            if (programme.getExitReason() != null) {
                count(Count.EXITS, place);
                if ("COMPLETED".equals(programme.getExitReason())) {
                    count(Count.COMPLETIONS, place);
                    EffectiveCompletion.Verdict verdict = EffectiveCompletion.of(
                            programme.getExitDate(),
                            risk == null ? null : risk.getDomesticAbuseIncidentDates(),
                            snapshotDay);
                    if (verdict != EffectiveCompletion.Verdict.NOT_FOLLOWED_UP) {
                        count(Count.COMPLETIONS_FOLLOWED_UP, place);
                        countIf(Count.EFFECTIVE_COMPLETIONS, place, verdict == EffectiveCompletion.Verdict.EFFECTIVE);
                    }
                }
            }
        }
        if (partner != null) {
            if (partner.getOutcomesComparedTo() != null) {
                count(Count.PARTNERS_COMPARED, place);
                countIf(Count.CESSATION, place, improved(partner.getCessationOfAbuseChange()));
                countIf(Count.REDUCED_RISK, place, improved(partner.getRiskNowChange()));
                countIf(Count.FEELING_SAFER, place, improved(partner.getFeelingSafeChange()));
                countIf(Count.QUALITY_OF_LIFE, place, improved(partner.getQualityOfLifeChange()));
            }
            if (partner.getChildrenFrightenedAtIntake() != null && partner.getChildrenFrightenedLater() != null) {
                count(Count.CHILDREN_COMPARED, place);
                countIf(Count.CHILDREN_FRIGHTENED_AT_INTAKE, place, partner.getChildrenFrightenedAtIntake());
                countIf(Count.CHILDREN_FRIGHTENED_LATER, place, partner.getChildrenFrightenedLater());
            }
            if (partner.getWorkingDaysToFirstContact() != null) {
                count(Count.CONTACTED, place);
                countIf(Count.WITHIN_DEADLINE, place, Boolean.TRUE.equals(partner.getFirstContactWithinDeadline()));
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

    private void count(Count what, Place place) {
        counts.computeIfAbsent(what, w -> new HashMap<>()).merge(place, 1L, Long::sum);
    }

    private void countIf(Count what, Place place, boolean condition) {
        if (condition) {
            count(what, place);
        }
    }

    /** The report: every table over the same areas and periods (every one seen in any case). */
    public KpiReport report() {
        List<String> rows = List.copyOf(rowLabels);
        List<String> columns = List.copyOf(columnLabels);
        Map<Count, SuppressedTable> published = suppressed(rows, columns);
        List<KpiTable> tables = new ArrayList<>();
        for (Count what : Count.values()) {
            SuppressedTable table = published.get(what);
            tables.add(KpiTable.of(
                    what.kpi,
                    KpiKind.COUNT,
                    what.unit,
                    what.definition,
                    List.of(),
                    rows,
                    columns,
                    (r, c) -> value(at(table, rows, columns, r, c))));
        }
        tables.add(sum(
                "repeatVictims",
                "victims",
                "distinct victims harmed after the decision (within 12 months, up "
                        + "to the snapshot) who had been harmed by the same perpetrator on an earlier day, summed over "
                        + "perpetratorsWithRepeatVictims",
                published,
                Count.WITH_REPEAT_VICTIMS,
                repeatVictims,
                rows,
                columns));
        tables.add(sum(
                "harmBefore",
                "harm days",
                "crime harm (days of custody, Cambridge Crime Harm Index style) of "
                        + "incidents in the 12 months before the decision, summed over harmCompared",
                published,
                Count.HARM_COMPARED,
                harmBefore,
                rows,
                columns));
        tables.add(sum(
                "harmAfter",
                "harm days",
                "crime harm of incidents in the 12 months from the decision, up to "
                        + "the snapshot (shorter for recent decisions), summed over harmCompared",
                published,
                Count.HARM_COMPARED,
                harmAfter,
                rows,
                columns));
        Map<Place, Long> change = new HashMap<>(harmAfter);
        harmBefore.forEach((place, before) -> change.merge(place, -before, Long::sum));
        tables.add(sum(
                "harmChange",
                "harm days",
                "the cohort's total harm score change: harm after minus harm "
                        + "before, summed over harmCompared (negative is less harm)",
                published,
                Count.HARM_COMPARED,
                change,
                rows,
                columns));
        tables.add(rate(
                "completionRate",
                "completed exits out of all exits",
                published,
                Count.COMPLETIONS,
                Count.EXITS,
                rows,
                columns));
        tables.add(rate(
                "effectiveCompletionRate",
                "effective completions (no further domestic-abuse incident in "
                        + "the 12 months after the exit) out of completions followed up that long (Essex)",
                published,
                Count.EFFECTIVE_COMPLETIONS,
                Count.COMPLETIONS_FOLLOWED_UP,
                rows,
                columns));
        tables.add(rate(
                "repeatVictimisationRate",
                "perpetrators with a repeat victim after the decision, out of " + "perpetrators identified",
                published,
                Count.WITH_REPEAT_VICTIMS,
                Count.IDENTIFIED,
                rows,
                columns));
        tables.add(rate(
                "catchAndConvictPositiveOutcomeRate",
                "catch-and-convict cases with a charge or caution "
                        + "after the decision, out of all catch-and-convict cases",
                published,
                Count.CATCH_AND_CONVICT_JUSTICE,
                Count.CATCH_AND_CONVICT,
                rows,
                columns));
        tables.add(rate(
                "positiveDisposalRate",
                "perpetrators with a domestic-abuse crime after the decision at "
                        + "least one of which was charged or cautioned, out of perpetrators with such a crime",
                published,
                Count.WITH_POSITIVE_DISPOSAL,
                Count.WITH_DOMESTIC_ABUSE_CRIME,
                rows,
                columns));
        tables.add(rate(
                "successfulProsecutionRate",
                "perpetrators convicted, out of perpetrators whose "
                        + "prosecution for domestic abuse concluded after the decision",
                published,
                Count.CONVICTED,
                Count.WITH_PROSECUTION_CONCLUDED,
                rows,
                columns));
        tables.add(rate(
                "lessAbuseRate",
                "partners reporting less abuse out of partners with outcomes compared",
                published,
                Count.CESSATION,
                Count.PARTNERS_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "reducedRiskRate",
                "partners reporting reduced risk out of partners with outcomes compared",
                published,
                Count.REDUCED_RISK,
                Count.PARTNERS_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "feelingSaferRate",
                "partners feeling safer out of partners with outcomes compared",
                published,
                Count.FEELING_SAFER,
                Count.PARTNERS_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "betterQualityOfLifeRate",
                "partners reporting a better quality of life out of partners " + "with outcomes compared",
                published,
                Count.QUALITY_OF_LIFE,
                Count.PARTNERS_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "childrenFrightenedAtIntakeRate",
                "partners reporting their children frightened at "
                        + "intake, out of partners with children's fear compared",
                published,
                Count.CHILDREN_FRIGHTENED_AT_INTAKE,
                Count.CHILDREN_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "childrenFrightenedAtExitRate",
                "partners reporting their children frightened at exit (or " + "midway), out of the same partners",
                published,
                Count.CHILDREN_FRIGHTENED_LATER,
                Count.CHILDREN_COMPARED,
                rows,
                columns));
        tables.add(rate(
                "contactedWithinDeadlineRate",
                "partners first reached by the local deadline out of " + "partners reached",
                published,
                Count.WITHIN_DEADLINE,
                Count.CONTACTED,
                rows,
                columns));
        tables.add(median(published.get(Count.CONTACTED), rows, columns));
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

    /**
     * Every count table suppressed: the tables of a rate (its denominator first, then its numerators)
     * with one pattern, their differences counted as derived tables; the others each on their own.
     */
    private Map<Count, SuppressedTable> suppressed(List<String> rows, List<String> columns) {
        Map<Count, SuppressedTable> published = new EnumMap<>(Count.class);
        for (List<Count> family : TOGETHER) {
            Map<Place, Long> whole = counts.getOrDefault(family.getFirst(), Map.of());
            List<CountTable> tables = family.stream()
                    .map(what -> countTable(rows, columns, counts.getOrDefault(what, Map.of())))
                    .toList();
            List<CountTable> differences = family.subList(1, family.size()).stream()
                    .map(part -> {
                        Map<Place, Long> rest = new HashMap<>(whole);
                        counts.getOrDefault(part, Map.of()).forEach((place, n) -> rest.merge(place, -n, Long::sum));
                        return countTable(rows, columns, rest);
                    })
                    .toList();
            List<SuppressedTable> together = suppressor.suppressTogether(tables, differences);
            for (int i = 0; i < family.size(); i++) {
                published.put(family.get(i), together.get(i));
            }
        }
        for (Count what : Count.values()) {
            published.computeIfAbsent(
                    what,
                    alone -> suppressor.suppress(countTable(rows, columns, counts.getOrDefault(alone, Map.of()))));
        }
        return published;
    }

    private static CountTable countTable(List<String> rows, List<String> columns, Map<Place, Long> tally) {
        long[][] grid = new long[rows.size()][columns.size()];
        tally.forEach((place, n) -> grid[rows.indexOf(place.area())][columns.indexOf(place.period())] = n);
        return CountTable.of(rows, columns, grid);
    }

    /** A grid position with margins (row {@code rows.size()} is the totals row, likewise columns). */
    private static SuppressedTable.Cell at(
            SuppressedTable table, List<String> rows, List<String> columns, int r, int c) {
        boolean totalRow = r == rows.size();
        boolean totalColumn = c == columns.size();
        if (totalRow && totalColumn) {
            return table.grandTotal();
        }
        if (totalRow) {
            return table.columnTotal(c);
        }
        return totalColumn ? table.rowTotal(r) : table.cell(r, c);
    }

    private static BigDecimal value(SuppressedTable.Cell cell) {
        return cell.value().isPresent() ? BigDecimal.valueOf(cell.value().getAsLong()) : null;
    }

    /** The places a grid position adds up (one cell, a row, a column or all). */
    private static Predicate<Place> within(List<String> rows, List<String> columns, int r, int c) {
        String area = r == rows.size() ? null : rows.get(r);
        String period = c == columns.size() ? null : columns.get(c);
        return place ->
                (area == null || area.equals(place.area())) && (period == null || period.equals(place.period()));
    }

    private static KpiTable sum(
            String name,
            String unit,
            String definition,
            Map<Count, SuppressedTable> published,
            Count basis,
            Map<Place, Long> sums,
            List<String> rows,
            List<String> columns) {
        SuppressedTable pattern = published.get(basis);
        return KpiTable.of(name, KpiKind.SUM, unit, definition, List.of(basis.kpi), rows, columns, (r, c) -> {
            if (at(pattern, rows, columns, r, c).suppressed()) {
                return null;
            }
            Predicate<Place> in = within(rows, columns, r, c);
            return BigDecimal.valueOf(sums.entrySet().stream()
                    .filter(e -> in.test(e.getKey()))
                    .mapToLong(Map.Entry::getValue)
                    .sum());
        });
    }

    private static KpiTable rate(
            String name,
            String definition,
            Map<Count, SuppressedTable> published,
            Count numerator,
            Count denominator,
            List<String> rows,
            List<String> columns) {
        SuppressedTable top = published.get(numerator);
        SuppressedTable bottom = published.get(denominator);
        return KpiTable.of(
                name,
                KpiKind.RATE,
                "proportion",
                definition,
                List.of(numerator.kpi, denominator.kpi),
                rows,
                columns,
                (r, c) -> {
                    BigDecimal n = value(at(top, rows, columns, r, c));
                    BigDecimal d = value(at(bottom, rows, columns, r, c));
                    return n == null || d == null || d.signum() == 0 ? null : n.divide(d, 3, RoundingMode.HALF_UP);
                });
    }

    private KpiTable median(SuppressedTable contacted, List<String> rows, List<String> columns) {
        return KpiTable.of(
                "medianWorkingDaysToFirstContact",
                KpiKind.MEDIAN,
                "working days",
                "median working days "
                        + "from the partner's track opening (the referral passing her on) to her first being reached, over "
                        + "partnersContacted",
                List.of(Count.CONTACTED.kpi),
                rows,
                columns,
                (r, c) -> {
                    SuppressedTable.Cell count = at(contacted, rows, columns, r, c);
                    if (count.suppressed() || count.value().getAsLong() <= suppressor.threshold()) {
                        return null; // (a published count of 1 to the threshold cannot happen; 0 has no median)
                    }
                    Predicate<Place> in = within(rows, columns, r, c);
                    TreeMap<Integer, Long> merged = new TreeMap<>();
                    daysToContact.forEach((place, histogram) -> {
                        if (in.test(place)) {
                            histogram.forEach((days, n) -> merged.merge(days, n, Long::sum));
                        }
                    });
                    return Median.of(merged);
                });
    }
}
