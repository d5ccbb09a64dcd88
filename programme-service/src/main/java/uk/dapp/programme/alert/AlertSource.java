package uk.dapp.programme.alert;

/**
 * Where a risk alert came from: a facilitator's concern, a partner's disclosure or her DASH risk
 * assessment at HIGH (both from partner support), a police incident (from the risk matrix).
 */
public enum AlertSource {
    FACILITATOR_CONCERN,
    PARTNER_DISCLOSURE,
    PARTNER_DASH_HIGH,
    POLICE_INCIDENT;

    /** Raised from what a partner told partner support: hers, never in his subject access export. */
    public boolean fromAPartner() {
        return this == PARTNER_DISCLOSURE || this == PARTNER_DASH_HIGH;
    }
}
