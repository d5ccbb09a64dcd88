package uk.dapp.platform.risk;

/**
 * A DASH risk level, as every service means it: the level of a DASH checklist (with professional
 * judgement), the level a referral carries, the level of a disclosure's risk alert. Declared lowest
 * first, so {@link #compareTo} ranks them; stored and sent by name.
 */
public enum RiskLevel {
    STANDARD,
    MEDIUM,
    HIGH;

    public boolean isAbove(RiskLevel other) {
        return compareTo(other) > 0;
    }

    /** The higher of the two. */
    public static RiskLevel highest(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
