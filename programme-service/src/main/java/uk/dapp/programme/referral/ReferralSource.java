package uk.dapp.programme.referral;

/** Who referred the perpetrator (DESIGN.md section 4). */
public enum ReferralSource {
    POLICE, PROBATION, MARAC, CHILDRENS_SOCIAL_CARE, HEALTH, SELF, COURT_ORDER, RISK_MATRIX
}
