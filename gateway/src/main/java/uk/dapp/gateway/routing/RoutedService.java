package uk.dapp.gateway.routing;

/**
 * The services behind the gateway: the path prefix each is routed under (see the routes in
 * application.yml, which strip it) and the contract in api-specs that describes its paths.
 */
public enum RoutedService {

    RISK_MATRIX("/api/risk-matrix", "risk-matrix-service"),
    PROGRAMME("/api/programme", "programme-service"),
    PARTNER_SUPPORT("/api/partner-support", "partner-support-service");

    private final String prefix;
    private final String contract;

    RoutedService(String prefix, String contract) {
        this.prefix = prefix;
        this.contract = contract;
    }

    /** The gateway path a service's own paths appear under, e.g. {@code /api/risk-matrix}. */
    public String prefix() {
        return prefix;
    }

    /** The contract's name for {@code OpenApiContract.forService}. */
    public String contract() {
        return contract;
    }
}
