package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.PartnerTrackOpen;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.support.CaseView;
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/**
 * The gateway's composed case view with each demo user's real token, on a case known to all three
 * services: each role sees exactly the parts its role may see, as each service filtered them, and
 * never the partner's name.
 */
class CaseViewE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARTNER_NAME = "Viewtest Partnerperson";

    private static String caseId;

    @BeforeAll
    static void aCaseInEveryService() {
        caseId = Clients.nominals("offender-manager")
                .createNominal(new NominalCreate()
                        .givenName("Composed")
                        .familyName("Viewsson")
                        .dateOfBirth(LocalDate.of(1979, 6, 2))
                        .policeId("21/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "V")
                        .area("Northshire"))
                .getCaseId();
        Clients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.RISK_MATRIX)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH));
        Clients.partnerTracks("partner-support-worker")
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.EX_PARTNER)
                                .partnerName(PARTNER_NAME));
        // each service learns through the other's outbox that the case is held and supported (ADR 0009)
        Eventually.until(
                "the partner support summary for the programme",
                () -> status(view("facilitator"), "partnerSupport"),
                "AVAILABLE"::equals);
        Eventually.until(
                "the programme status for partner support",
                () -> status(view("partner-support-worker"), "programme"),
                "AVAILABLE"::equals);
    }

    @Test
    void anOffenderManagerSeesTheRiskMatrixAndOnlyThatAPartnerTrackExists() {
        JsonNode view = view("offender-manager");
        assertThat(status(view, "riskMatrix")).isEqualTo("AVAILABLE");
        assertThat(view.at("/riskMatrix/summary/caseId").asString()).isEqualTo(caseId);
        assertThat(view.at("/riskMatrix/summary/routingStatus").asString()).isEqualTo("AWAITING_DECISION");
        assertThat(status(view, "programme")).isEqualTo("NOT_PERMITTED");
        assertThat(view.get("programme").has("summary")).isFalse();
        assertThat(status(view, "partnerSupport")).isEqualTo("AVAILABLE");
        assertThat(view.at("/partnerSupport/summary/trackExists").asBoolean()).isTrue();
        assertThat(view.at("/partnerSupport/summary").has("contactMade")).isFalse();
        assertThat(view.at("/partnerSupport/summary").has("currentRiskLevel")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"facilitator", "service-manager"})
    void programmeStaffSeeAllThreeParts(String role) {
        JsonNode view = view(role);
        assertThat(status(view, "riskMatrix")).isEqualTo("AVAILABLE");
        assertThat(view.at("/riskMatrix/summary/caseId").asString()).isEqualTo(caseId);
        assertThat(status(view, "programme")).isEqualTo("AVAILABLE");
        assertThat(view.at("/programme/summary/programmes/0/programmeCode").asString())
                .isEqualTo("DRIVE-1TO1");
        assertThat(view.at("/programme/summary/programmes/0/status").asString()).isEqualTo("REFERRED");
        assertThat(status(view, "partnerSupport")).isEqualTo("AVAILABLE");
        assertThat(view.at("/partnerSupport/summary/trackExists").asBoolean()).isTrue();
        assertThat(view.at("/partnerSupport/summary/contactMade").asBoolean()).isFalse();
    }

    @Test
    void aPartnerSupportWorkerSeesTheProgrammeStatusOnly() {
        JsonNode view = view("partner-support-worker");
        assertThat(status(view, "riskMatrix")).isEqualTo("NOT_PERMITTED");
        assertThat(status(view, "programme")).isEqualTo("AVAILABLE");
        assertThat(view.at("/programme/summary/programmes/0/status").asString()).isEqualTo("REFERRED");
        assertThat(status(view, "partnerSupport")).isEqualTo("NOT_PERMITTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluator", "admin"})
    void rolesWithoutCaseworkAreRefused(String role) {
        HttpResponse<String> response = get("/api/cases/" + caseId, role);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).doesNotContain("Northshire", "DRIVE", "trackExists");
    }

    @Test
    void noRoleLearnsThePartnersNameOrTheNominalsIdentity() {
        for (String role :
                new String[] {"offender-manager", "facilitator", "service-manager", "partner-support-worker"}) {
            String body = get("/api/cases/" + caseId, role).body();
            assertThat(body).as(role).doesNotContain(PARTNER_NAME, "Partnerperson", "Viewsson", "1979-06-02");
        }
    }

    @Test
    void aCaseARiskMatrixDoesNotKnowIsNotFoundThere() {
        String unknown = CaseId.generate(new SecureRandom()).value();
        JsonNode view =
                JSON.readTree(ok(get("/api/cases/" + unknown, "facilitator")).body());
        assertThat(status(view, "riskMatrix")).isEqualTo("NOT_FOUND");
        assertThat(status(view, "programme")).isEqualTo("AVAILABLE");
        assertThat(view.at("/programme/summary/programmes").size()).isZero();
        // the programme holds no referral of it, so a facilitator learns nothing of partner support there
        assertThat(status(view, "partnerSupport")).isEqualTo("NOT_FOUND");
        assertThat(view.get("partnerSupport").has("summary")).isFalse();
    }

    @Test
    void aMistypedCaseIdIsRefusedAt400() {
        String mistyped = caseId.substring(0, caseId.length() - 1) + (caseId.endsWith("A") ? "B" : "A");
        HttpResponse<String> response = get("/api/cases/" + mistyped, "facilitator");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"caseId\"", "\"rule\":\"CaseIdCheck\"");
    }

    @Test
    void servicesInternalEndpointsAreNotReachableThroughTheGateway() {
        TheSystem system = TheSystem.get();
        for (String service : new String[] {"programme", "risk-matrix", "partner-support"}) {
            HttpResponse<String> response = Http.send(
                    "PUT",
                    system.api(service) + "/case-events/risk-alerts/m-1",
                    system.keycloak().tokenFor("service-manager"),
                    "{}");
            assertThat(response.statusCode()).as(service).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
    }

    private static JsonNode view(String role) {
        return CaseView.of(caseId, role);
    }

    private static HttpResponse<String> get(String path, String role) {
        TheSystem system = TheSystem.get();
        return Http.get(system.gatewayUrl() + path, system.keycloak().tokenFor(role));
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static String status(JsonNode view, String part) {
        return CaseView.status(view, part);
    }
}
