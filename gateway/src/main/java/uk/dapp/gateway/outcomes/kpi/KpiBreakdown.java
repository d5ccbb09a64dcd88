package uk.dapp.gateway.outcomes.kpi;

/** What a KPI table's rows are: the case's area (or region), its programme, or its referral's source. */
public enum KpiBreakdown {
    AREA,
    /** The programme of the case's latest referral ({@link KpiCalculator#NOT_REFERRED} without one). */
    PROGRAMME,
    /** Who made the case's latest referral ({@link KpiCalculator#NOT_REFERRED} without one). */
    REFERRAL_SOURCE
}
