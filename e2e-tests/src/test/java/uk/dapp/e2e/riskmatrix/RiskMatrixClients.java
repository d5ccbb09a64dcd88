package uk.dapp.e2e.riskmatrix;

import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.e2e.support.TheSystem;

/** The generated risk-matrix client, through the gateway, with a role's real Keycloak token. */
public final class RiskMatrixClients {

    private RiskMatrixClients() {}

    public static ApiClient as(String role) {
        TheSystem system = TheSystem.get();
        ApiClient client = new ApiClient(uk.dapp.e2e.support.Rest.CLIENT);
        client.setBasePath(system.api("risk-matrix"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return client;
    }
}
