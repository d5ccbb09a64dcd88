package uk.dapp.riskmatrix.values;

/**
 * How a prosecution that followed a charge ended, as the court or the prosecutor decided it. Only a
 * conviction is a successful prosecution (the CPS measure: convictions out of prosecutions
 * concluded); the others conclude it unsuccessfully.
 */
public enum CourtOutcome {
    /** Convicted, by a guilty plea or after trial. */
    CONVICTED,
    /** Found not guilty after trial. */
    ACQUITTED,
    /** Dismissed by the court (no case to answer, or dismissed on a point of law). */
    DISMISSED,
    /** Discontinued or withdrawn by the prosecutor before a verdict. */
    DISCONTINUED;

    public boolean successful() {
        return this == CONVICTED;
    }
}
