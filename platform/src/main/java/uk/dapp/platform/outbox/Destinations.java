package uk.dapp.platform.outbox;

import java.util.List;

/**
 * Where a message can be addressed: the services ({@link #ALL}, their base URLs are
 * {@code dapp.services.<name>.url}), and two destinations outside them that the same relay delivers
 * to with the same guarantees: the sending service's own notification inbox, and GOV.UK Notify for
 * the emails of urgent notifications (ADR 0016).
 */
public final class Destinations {

    public static final String RISK_MATRIX = "risk-matrix";
    public static final String PROGRAMME = "programme";
    public static final String PARTNER_SUPPORT = "partner-support";

    /** The services. */
    public static final List<String> ALL = List.of(RISK_MATRIX, PROGRAMME, PARTNER_SUPPORT);

    /** The sending service's own notification inbox (a notification raised with the change that causes it). */
    public static final String INBOX = "inbox";
    /** GOV.UK Notify, which emails an urgent notification to each of its recipients. */
    public static final String NOTIFY = "gov-uk-notify";

    private static final List<String> KNOWN = List.of(RISK_MATRIX, PROGRAMME, PARTNER_SUPPORT, INBOX, NOTIFY);

    public static String require(String destination) {
        if (!KNOWN.contains(destination)) {
            throw new IllegalArgumentException("unknown destination " + destination + "; one of " + KNOWN);
        }
        return destination;
    }

    private Destinations() {}
}
