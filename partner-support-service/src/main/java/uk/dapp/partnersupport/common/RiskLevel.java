package uk.dapp.partnersupport.common;

/** The DASH risk levels, lowest first: {@link #compareTo} orders them. */
public enum RiskLevel {
    STANDARD, MEDIUM, HIGH;

    public boolean isAbove(RiskLevel other) {
        return compareTo(other) > 0;
    }
}
