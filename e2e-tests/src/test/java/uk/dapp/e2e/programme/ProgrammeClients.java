package uk.dapp.e2e.programme;

import java.util.function.Function;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.api.ReviewsApi;
import uk.dapp.client.programme.api.SessionsApi;
import uk.dapp.client.programme.api.SuitabilityApi;
import uk.dapp.client.programme.api.ViewsApi;
import uk.dapp.e2e.support.TheSystem;

/** The programme service's generated clients, through the gateway, with a demo user's real token. */
public final class ProgrammeClients {

    private ProgrammeClients() {}

    private static <T> T client(String role, Function<ApiClient, T> api) {
        TheSystem system = TheSystem.get();
        ApiClient client = new ApiClient(uk.dapp.e2e.support.Rest.CLIENT);
        client.setBasePath(system.api("programme"));
        client.setBearerToken(system.keycloak().tokenFor(role));
        return api.apply(client);
    }

    public static ProgrammesApi programmes(String role) {
        return client(role, ProgrammesApi::new);
    }

    public static ReferralsApi referrals(String role) {
        return client(role, ReferralsApi::new);
    }

    public static SuitabilityApi suitability(String role) {
        return client(role, SuitabilityApi::new);
    }

    public static EnrolmentApi enrolment(String role) {
        return client(role, EnrolmentApi::new);
    }

    public static SessionsApi sessions(String role) {
        return client(role, SessionsApi::new);
    }

    public static ReviewsApi reviews(String role) {
        return client(role, ReviewsApi::new);
    }

    public static AlertsApi alerts(String role) {
        return client(role, AlertsApi::new);
    }

    public static ViewsApi views(String role) {
        return client(role, ViewsApi::new);
    }

    public static uk.dapp.client.programme.api.WorkApi work(String role) {
        return client(role, uk.dapp.client.programme.api.WorkApi::new);
    }

    public static uk.dapp.client.programme.api.NotificationsApi notifications(String role) {
        return client(role, uk.dapp.client.programme.api.NotificationsApi::new);
    }
}
