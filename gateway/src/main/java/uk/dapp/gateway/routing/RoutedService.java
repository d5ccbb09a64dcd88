package uk.dapp.gateway.routing;

import org.springframework.core.env.Environment;

/**
 * The services behind the gateway, in one place: the key of their URL property
 * ({@code dapp.services.<key>.url}), their default address, the path prefix each is routed under
 * (stripped on the way in) and the contract in api-specs that describes its paths.
 */
public enum RoutedService {
    RISK_MATRIX("risk-matrix", 8081, "risk-matrix-service"),
    PROGRAMME("programme", 8082, "programme-service"),
    PARTNER_SUPPORT("partner-support", 8083, "partner-support-service");

    private final String key;
    private final int defaultPort;
    private final String contract;

    RoutedService(String key, int defaultPort, String contract) {
        this.key = key;
        this.defaultPort = defaultPort;
        this.contract = contract;
    }

    public String key() {
        return key;
    }

    /** The gateway path a service's own paths appear under, e.g. {@code /api/risk-matrix}. */
    public String prefix() {
        return "/api/" + key;
    }

    public String defaultUrl() {
        return "http://127.0.0.1:" + defaultPort;
    }

    /** Where the service is reached: {@code dapp.services.<key>.url}, else its default address. */
    public String url(Environment environment) {
        return environment.getProperty("dapp.services." + key + ".url", defaultUrl());
    }

    /** The contract's name for {@code OpenApiContract.forService}. */
    public String contract() {
        return contract;
    }
}
