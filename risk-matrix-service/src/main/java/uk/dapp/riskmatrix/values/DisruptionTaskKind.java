package uk.dapp.riskmatrix.values;

/** The catch-and-convict reviews a disrupt decision opens, each with its default time to complete. */
public enum DisruptionTaskKind {
    FULL_CRIMINALITY_REVIEW(28),
    OUTSTANDING_WARRANTS(7),
    BAIL_OR_ORDER_BREACHES(14),
    PROTECTION_ORDER_APPLICATION(14),
    REMAND_CONDITIONS(7);

    private final int daysToComplete;

    DisruptionTaskKind(int daysToComplete) {
        this.daysToComplete = daysToComplete;
    }

    public int daysToComplete() {
        return daysToComplete;
    }
}
