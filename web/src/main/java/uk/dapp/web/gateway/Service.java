package uk.dapp.web.gateway;

/** What the web app calls through the gateway, by the path prefix of its API, as pages name it. */
public enum Service {
    RISK_MATRIX("/api/risk-matrix", "The risk matrix"),
    PROGRAMME("/api/programme", "The programme service"),
    PARTNER_SUPPORT("/api/partner-support", "Partner support"),
    /** What the gateway answers itself (the composed case view...). */
    GATEWAY("/api", "The case service");

    private final String prefix;
    private final String label;

    Service(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    /** Its name in a sentence: "The risk matrix is not available right now". */
    public String label() {
        return label;
    }

    /** The service a gateway path belongs to. */
    static Service ofPath(String path) {
        for (Service service : values()) {
            if (service != GATEWAY && path.startsWith(service.prefix + "/")) {
                return service;
            }
        }
        return GATEWAY;
    }
}
