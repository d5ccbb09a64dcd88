package uk.dapp.programme.referral;

/** Who referred the perpetrator (docs/domain/programmes.md). */
public enum ReferralSource {
    POLICE,
    PROBATION,
    MARAC,
    CHILDRENS_SOCIAL_CARE,
    HEALTH,
    SELF,
    COURT_ORDER,
    RISK_MATRIX
}
