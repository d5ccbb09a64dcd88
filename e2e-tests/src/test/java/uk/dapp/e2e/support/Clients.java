package uk.dapp.e2e.support;

import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;

/** Generated clients of each service's contract, pointed at the gateway with a role's real token. */
public final class Clients {

    private Clients() {}

    public static NominalsApi nominals(String role) {
        TheSystem system = TheSystem.get();
        uk.dapp.client.riskmatrix.ApiClient client = new uk.dapp.client.riskmatrix.ApiClient(Rest.CLIENT);
        client.setBasePath(system.api("risk-matrix"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return new NominalsApi(client);
    }

    public static ReferralsApi referrals(String role) {
        TheSystem system = TheSystem.get();
        uk.dapp.client.programme.ApiClient client = new uk.dapp.client.programme.ApiClient(Rest.CLIENT);
        client.setBasePath(system.api("programme"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return new ReferralsApi(client);
    }

    public static uk.dapp.client.partnersupport.api.WorkApi partnerSupportWork(String role) {
        TheSystem system = TheSystem.get();
        uk.dapp.client.partnersupport.ApiClient client = new uk.dapp.client.partnersupport.ApiClient(Rest.CLIENT);
        client.setBasePath(system.api("partner-support"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return new uk.dapp.client.partnersupport.api.WorkApi(client);
    }

    public static PartnerTracksApi partnerTracks(String role) {
        TheSystem system = TheSystem.get();
        uk.dapp.client.partnersupport.ApiClient client = new uk.dapp.client.partnersupport.ApiClient(Rest.CLIENT);
        client.setBasePath(system.api("partner-support"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return new PartnerTracksApi(client);
    }
}
