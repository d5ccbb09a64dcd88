package uk.dapp.e2e.partnersupport;

import uk.dapp.client.partnersupport.ApiClient;
import uk.dapp.e2e.support.TheSystem;

/** A generated partner-support client pointed at the gateway with a role's real Keycloak token. */
final class PartnerSupportClients {

    private PartnerSupportClients() {}

    static ApiClient as(String role) {
        TheSystem system = TheSystem.get();
        ApiClient client = new ApiClient(uk.dapp.e2e.support.Rest.CLIENT);
        client.setBasePath(system.api("partner-support"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return client;
    }
}
