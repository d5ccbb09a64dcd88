package uk.dapp.programme.alert;

/** Where a risk alert came from: a facilitator's concern now; later other services (disclosures, incidents). */
public enum AlertSource {
    FACILITATOR_CONCERN, PARTNER_DISCLOSURE, POLICE_INCIDENT
}
