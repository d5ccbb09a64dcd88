package uk.dapp.partnersupport.dash;

/** Why a MARAC referral is recommended. */
public enum MaracCriterion {
    /** 14 or more yes answers on the checklist. */
    VISIBLE_HIGH_RISK,
    /** The professional judged the risk HIGH although the checklist alone did not reach it. */
    PROFESSIONAL_JUDGEMENT,
    /** 3 or more incidents in the 12 months up to the checklist. */
    POTENTIAL_ESCALATION,
    /** The checklist follows a previous MARAC referral by 12 months or less. */
    REPEAT_REFERRAL
}
