package uk.dapp.riskmatrix.referencedata;

import uk.dapp.riskmatrix.values.DashLevel;

/** Gravity points added to an incident for the DASH risk level assessed at the time. */
public record DashUplift(int standard, int medium, int high) {

    public int pointsFor(DashLevel level) {
        return switch (level) {
            case STANDARD -> standard;
            case MEDIUM -> medium;
            case HIGH -> high;
            case NOT_ASSESSED -> 0;
        };
    }
}
