package uk.dapp.gateway.outcomes.kpi;

import java.util.List;

/**
 * The KPIs counted in people (or victims), each case counted at most once per table: the count
 * tables every other KPI of a report is published through ({@link KpiPublication}); defined one by
 * one here and in {@code docs/kpis.md}.
 */
public enum KpiCount {
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
            "of those, cases where at least one " + "of those crimes was charged or cautioned (a positive disposal)"),
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

    KpiCount(String kpi, String unit, String definition) {
        this.kpi = kpi;
        this.unit = unit;
        this.definition = definition;
    }

    public String kpi() {
        return kpi;
    }

    String unit() {
        return unit;
    }

    String definition() {
        return definition;
    }

    /**
     * The count tables published with one suppression pattern: each list's first table is a rate's
     * denominator, the others its numerators (subsets of it), so no count can be subtracted from another.
     */
    static final List<List<KpiCount>> PUBLISHED_TOGETHER = List.of(
            List.of(KpiCount.IDENTIFIED, KpiCount.WITH_REPEAT_VICTIMS),
            List.of(KpiCount.EXITS, KpiCount.COMPLETIONS),
            List.of(KpiCount.COMPLETIONS_FOLLOWED_UP, KpiCount.EFFECTIVE_COMPLETIONS),
            List.of(KpiCount.CATCH_AND_CONVICT, KpiCount.CATCH_AND_CONVICT_JUSTICE),
            List.of(KpiCount.WITH_DOMESTIC_ABUSE_CRIME, KpiCount.WITH_POSITIVE_DISPOSAL),
            List.of(KpiCount.WITH_PROSECUTION_CONCLUDED, KpiCount.CONVICTED),
            List.of(
                    KpiCount.PARTNERS_COMPARED,
                    KpiCount.CESSATION,
                    KpiCount.REDUCED_RISK,
                    KpiCount.FEELING_SAFER,
                    KpiCount.QUALITY_OF_LIFE),
            List.of(
                    KpiCount.CHILDREN_COMPARED,
                    KpiCount.CHILDREN_FRIGHTENED_AT_INTAKE,
                    KpiCount.CHILDREN_FRIGHTENED_LATER),
            List.of(KpiCount.CONTACTED, KpiCount.WITHIN_DEADLINE));
}
