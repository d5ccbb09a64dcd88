package uk.dapp.platform.privacy;

/**
 * How a categorical quasi-identifier is shown, finest first: as recorded, widened to the group the
 * caller gave with it (a programme's type, a referral source's kind), or suppressed. A yes/no or a
 * decision has no group: it is kept or suppressed.
 */
public enum CategoryLevel {
    KEPT,
    GROUPED,
    SUPPRESSED
}
