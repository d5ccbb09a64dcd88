package uk.dapp.partnersupport.disclosure;

/** Why a risk alert could be shared with the programme. */
public enum AlertBasis {
    /** the disclosing partner's information-sharing consent covering the programme was in force */
    CONSENT,
    /** no such consent, but a HIGH risk is shared with the programme regardless, to safeguard the partner */
    HIGH_RISK_SAFEGUARDING
}
