package uk.dapp.platform.privacy;

/** Why a cell of a published table is hidden, if it is. */
public enum Suppression {
    /** Published. */
    NONE,
    /** A count of 1 to the threshold: few enough people to be recognised. */
    PRIMARY,
    /** Hidden only so that a primary cell cannot be worked out from the totals. */
    SECONDARY
}
