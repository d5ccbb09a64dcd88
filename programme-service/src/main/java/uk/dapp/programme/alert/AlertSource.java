package uk.dapp.programme.alert;

/** Where a risk alert came from: a facilitator's concern, a partner's disclosure (from partner support), a police incident. */
public enum AlertSource {
    FACILITATOR_CONCERN, PARTNER_DISCLOSURE, POLICE_INCIDENT
}
