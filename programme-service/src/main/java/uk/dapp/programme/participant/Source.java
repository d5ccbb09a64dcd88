package uk.dapp.programme.participant;

/** Where a participant's identity was first recorded from. */
public enum Source {
    /** the nominal's identity, with an ENGAGE decision's referral */
    RISK_MATRIX,
    /** typed in with a referral from any other source */
    REFERRAL,
    /** typed in later, for a case that had none */
    CORRECTION
}
