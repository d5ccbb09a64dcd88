package uk.dapp.platform.outbox;

import java.util.List;

/** The services a message can be addressed to; their base URLs are {@code dapp.services.<name>.url}. */
public final class Destinations {

    public static final String RISK_MATRIX = "risk-matrix";
    public static final String PROGRAMME = "programme";
    public static final String PARTNER_SUPPORT = "partner-support";

    public static final List<String> ALL = List.of(RISK_MATRIX, PROGRAMME, PARTNER_SUPPORT);

    public static String require(String destination) {
        if (!ALL.contains(destination)) {
            throw new IllegalArgumentException("unknown destination " + destination + "; one of " + ALL);
        }
        return destination;
    }

    private Destinations() {
    }
}
