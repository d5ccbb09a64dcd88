package uk.dapp.riskmatrix.values;

/**
 * The disruption reviews: those a catch-and-convict decision opens, and those an offender manager opens for an
 * engaged HIGH-risk nominal (Drive's disruption strand), each with its default time to complete.
 */
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
