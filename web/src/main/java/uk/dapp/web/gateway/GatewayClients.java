package uk.dapp.web.gateway;

import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.ResourceHttpMessageConverter;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.web.WebProperties;
import uk.dapp.web.security.KeycloakRegistration;

/**
 * The generated clients of {@code api-specs}, pointed at the gateway. Each call carries the
 * signed-in user's own access token (refreshed when near expiry), so every role rule, audit record
 * and rate limit of the gateway and the services applies exactly as to any other caller. Failures
 * arrive as {@link GatewayException}s. A page adds a client here (one bean per generated API) and
 * takes it in its controller's constructor.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayClients {

    /** The generated clients all build the same mapper (JSON, java.time, nullable fields). */
    private static final JsonMapper JSON = uk.dapp.client.gateway.ApiClient.createDefaultMapper(null);

    @Bean
    RestClient gatewayRestClient(
            OAuth2AuthorizedClientManager authorizedClients,
            ObservationRegistry observations,
            WebProperties properties) {
        return restClient(authorizedClients, observations, properties, properties.gatewayTimeout());
    }

    /**
     * A client of the gateway with the user's token and the failures sorted, whose calls (the answer
     * and its whole body) must end within {@code timeout}: the JDK client's time limit covers the
     * body too, so a call that streams a long body needs a longer one.
     */
    private static RestClient restClient(
            OAuth2AuthorizedClientManager authorizedClients,
            ObservationRegistry observations,
            WebProperties properties,
            java.time.Duration timeout) {
        OAuth2ClientHttpRequestInterceptor userToken = new OAuth2ClientHttpRequestInterceptor(authorizedClients);
        userToken.setClientRegistrationIdResolver(request -> KeycloakRegistration.ID);
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.gatewayTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return uk.dapp.client.gateway.ApiClient.buildRestClientBuilder(JSON)
                // a download asks for an InputStreamResource: the answer's body as it arrives, never read whole
                .configureMessageConverters(
                        converters -> converters.addCustomConverter(new ResourceHttpMessageConverter(true)))
                .requestFactory(requests)
                // observed: a span under the page request's (its traceparent sent to the gateway) and
                // http.client.requests
                .observationRegistry(observations)
                .requestInterceptor(new GatewayFailures())
                .requestInterceptor(userToken)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw GatewayFailures.of(request, response);
                })
                .build();
    }

    // the gateway's own operations

    @Bean
    uk.dapp.client.gateway.api.CasesApi casesApi(RestClient gatewayRestClient, WebProperties properties) {
        return new uk.dapp.client.gateway.api.CasesApi(gatewayClient(gatewayRestClient, properties));
    }

    /** The user's notifications from every service, composed by the gateway (ADR 0016). */
    @Bean
    uk.dapp.client.gateway.api.NotificationsApi composedNotificationsApi(
            RestClient gatewayRestClient, WebProperties properties) {
        return new uk.dapp.client.gateway.api.NotificationsApi(gatewayClient(gatewayRestClient, properties));
    }

    // the evaluator's outcomes and the admin's subject access exports: calls that read every case, or
    // a person's whole record, under the longer time limit (dapp.web.long-call-timeout)

    @Bean
    uk.dapp.client.gateway.api.OutcomeKpisApi outcomeKpisApi(
            OAuth2AuthorizedClientManager authorizedClients,
            ObservationRegistry observations,
            WebProperties properties) {
        return new uk.dapp.client.gateway.api.OutcomeKpisApi(gatewayClient(
                restClient(authorizedClients, observations, properties, properties.longCallTimeout()), properties));
    }

    @Bean
    uk.dapp.client.gateway.api.OutcomesApi outcomeExtractApi(
            OAuth2AuthorizedClientManager authorizedClients,
            ObservationRegistry observations,
            WebProperties properties) {
        return new uk.dapp.client.gateway.api.OutcomesApi(gatewayClient(
                restClient(authorizedClients, observations, properties, properties.longCallTimeout()), properties));
    }

    @Bean
    uk.dapp.client.gateway.api.SubjectAccessApi subjectAccessApi(
            OAuth2AuthorizedClientManager authorizedClients,
            ObservationRegistry observations,
            WebProperties properties) {
        return new uk.dapp.client.gateway.api.SubjectAccessApi(gatewayClient(
                restClient(authorizedClients, observations, properties, properties.longCallTimeout()), properties));
    }

    private static uk.dapp.client.gateway.ApiClient gatewayClient(RestClient rest, WebProperties properties) {
        uk.dapp.client.gateway.ApiClient client = new uk.dapp.client.gateway.ApiClient(
                rest, JSON, uk.dapp.client.gateway.ApiClient.createDefaultDateFormat());
        // the gateway contract's paths already start with /api
        client.setBasePath(properties.gatewayUrl());
        return client;
    }

    // the risk matrix (api-specs risk-matrix-service.yaml), under /api/risk-matrix

    @Bean
    uk.dapp.client.riskmatrix.ApiClient riskMatrixClient(RestClient gatewayRestClient, WebProperties properties) {
        uk.dapp.client.riskmatrix.ApiClient client = new uk.dapp.client.riskmatrix.ApiClient(
                gatewayRestClient, JSON, uk.dapp.client.riskmatrix.ApiClient.createDefaultDateFormat());
        client.setBasePath(properties.gatewayUrl() + Service.RISK_MATRIX.prefix());
        return client;
    }

    @Bean
    uk.dapp.client.riskmatrix.api.WorkApi riskMatrixWorkApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.WorkApi(riskMatrixClient);
    }

    /** Marks a risk matrix notification read (each service keeps its own read state). */
    @Bean
    uk.dapp.client.riskmatrix.api.NotificationsApi riskMatrixNotificationsApi(
            uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.NotificationsApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.NominalsApi nominalsApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.NominalsApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.IncidentsApi incidentsApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.IncidentsApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.ScoresApi scoresApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.ScoresApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.CohortApi cohortApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.CohortApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.RoutingApi routingApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.RoutingApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.DisruptionTasksApi disruptionTasksApi(
            uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.DisruptionTasksApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.OnwardReferralsApi onwardReferralsApi(
            uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.OnwardReferralsApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.RescoringApi rescoringApi(uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.RescoringApi(riskMatrixClient);
    }

    @Bean
    uk.dapp.client.riskmatrix.api.ReferenceDataApi referenceDataApi(
            uk.dapp.client.riskmatrix.ApiClient riskMatrixClient) {
        return new uk.dapp.client.riskmatrix.api.ReferenceDataApi(riskMatrixClient);
    }

    /**
     * Each service's audit log ({@code /audit-records} and {@code /audit-records/unusual} under its
     * prefix). The operations are common.yaml's, defined once and the same in every service, so one
     * generated client shape (the risk matrix's) serves all three, each pointed at its service.
     */
    @Bean
    AuditLogs auditLogs(RestClient gatewayRestClient, WebProperties properties) {
        java.util.Map<Service, uk.dapp.client.riskmatrix.api.AuditApi> logs = new java.util.EnumMap<>(Service.class);
        for (Service service : AuditLogs.SERVICES) {
            uk.dapp.client.riskmatrix.ApiClient client = new uk.dapp.client.riskmatrix.ApiClient(
                    gatewayRestClient, JSON, uk.dapp.client.riskmatrix.ApiClient.createDefaultDateFormat());
            client.setBasePath(properties.gatewayUrl() + service.prefix());
            logs.put(service, new uk.dapp.client.riskmatrix.api.AuditApi(client));
        }
        return new AuditLogs(logs);
    }

    // the programme service (under /api/programme) and partner support (under /api/partner-support):
    // their clients, for the pages of those roles

    @Bean
    uk.dapp.client.programme.ApiClient programmeClient(RestClient gatewayRestClient, WebProperties properties) {
        uk.dapp.client.programme.ApiClient client = new uk.dapp.client.programme.ApiClient(
                gatewayRestClient, JSON, uk.dapp.client.programme.ApiClient.createDefaultDateFormat());
        client.setBasePath(properties.gatewayUrl() + Service.PROGRAMME.prefix());
        return client;
    }

    @Bean
    uk.dapp.client.programme.api.WorkApi programmeWorkApi(uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.WorkApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.NotificationsApi programmeNotificationsApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.NotificationsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.ReferralsApi programmeReferralsApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.ReferralsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.ProgrammesApi programmeProgrammesApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.ProgrammesApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.SuitabilityApi programmeSuitabilityApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.SuitabilityApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.EnrolmentApi programmeEnrolmentApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.EnrolmentApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.SessionsApi programmeSessionsApi(uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.SessionsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.ReviewsApi programmeReviewsApi(uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.ReviewsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.AlertsApi programmeAlertsApi(uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.AlertsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.ViewsApi programmeViewsApi(uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.ViewsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.programme.api.ParticipantsApi programmeParticipantsApi(
            uk.dapp.client.programme.ApiClient programmeClient) {
        return new uk.dapp.client.programme.api.ParticipantsApi(programmeClient);
    }

    @Bean
    uk.dapp.client.partnersupport.ApiClient partnerSupportClient(
            RestClient gatewayRestClient, WebProperties properties) {
        uk.dapp.client.partnersupport.ApiClient client = new uk.dapp.client.partnersupport.ApiClient(
                gatewayRestClient, JSON, uk.dapp.client.partnersupport.ApiClient.createDefaultDateFormat());
        client.setBasePath(properties.gatewayUrl() + Service.PARTNER_SUPPORT.prefix());
        return client;
    }

    // partner support's APIs, for the partner support worker's pages (the service refuses every other role)

    @Bean
    uk.dapp.client.partnersupport.api.WorkApi partnerSupportWorkApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.WorkApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.NotificationsApi partnerSupportNotificationsApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.NotificationsApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.PartnerTracksApi partnerTracksApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.PartnerTracksApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.ContactAttemptsApi contactAttemptsApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.ContactAttemptsApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.SafeContactApi safeContactApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.SafeContactApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.ConsentApi consentApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.ConsentApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.DashApi dashApi(uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.DashApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.SafetyPlansApi safetyPlansApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.SafetyPlansApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.DisclosuresApi disclosuresApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.DisclosuresApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.OutcomesApi outcomesApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.OutcomesApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.HouseholdApi householdApi(
            uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.HouseholdApi(partnerSupportClient);
    }

    @Bean
    uk.dapp.client.partnersupport.api.MaracApi maracApi(uk.dapp.client.partnersupport.ApiClient partnerSupportClient) {
        return new uk.dapp.client.partnersupport.api.MaracApi(partnerSupportClient);
    }
}
