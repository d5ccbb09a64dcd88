package uk.dapp.e2e.flows;

import uk.dapp.e2e.support.TheSystem;

/**
 * Receivers called straight at the service (not through the gateway) with a real service-account
 * token from Keycloak, as the senders' outbox relays call them: for delivering a message twice.
 */
final class ServiceAccounts {

    private ServiceAccounts() {}

    static uk.dapp.client.programme.api.CaseEventsApi programmeAs(String client) {
        uk.dapp.client.programme.ApiClient api = new uk.dapp.client.programme.ApiClient();
        api.setBasePath(TheSystem.get().service("programme-service").url());
        api.setBearerToken(token(client));
        return new uk.dapp.client.programme.api.CaseEventsApi(api);
    }

    static uk.dapp.client.partnersupport.api.CaseEventsApi partnerSupportAs(String client) {
        uk.dapp.client.partnersupport.ApiClient api = new uk.dapp.client.partnersupport.ApiClient();
        api.setBasePath(TheSystem.get().service("partner-support-service").url());
        api.setBearerToken(token(client));
        return new uk.dapp.client.partnersupport.api.CaseEventsApi(api);
    }

    static uk.dapp.client.riskmatrix.api.CaseEventsApi riskMatrixAs(String client) {
        uk.dapp.client.riskmatrix.ApiClient api = new uk.dapp.client.riskmatrix.ApiClient();
        api.setBasePath(TheSystem.get().service("risk-matrix-service").url());
        api.setBearerToken(token(client));
        return new uk.dapp.client.riskmatrix.api.CaseEventsApi(api);
    }

    /** The demo realm's secret of a service client (keycloak/dapp-realm.json). */
    static String token(String client) {
        return TheSystem.get().keycloak().clientCredentials(client, client + "-demo-secret");
    }
}
