package uk.dapp.gateway.outcomes.kpi;

/** What a KPI table's cells hold. */
public enum KpiKind {
    /** People (or victims) counted once each; suppressed on its own. */
    COUNT,
    /** A sum over the people of a count table, hidden wherever that count is hidden. */
    SUM,
    /** Numerator over denominator (both count tables), shown only where both are shown. */
    RATE,
    /** The median over the people of a count table, shown only where that count is shown. */
    MEDIAN
}
