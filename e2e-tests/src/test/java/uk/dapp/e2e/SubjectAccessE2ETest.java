package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import uk.dapp.e2e.support.Clients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/**
 * A subject access request through the gateway with real tokens, on a case known to all three
 * services: the admin's composed export holds the person's data from each service and not his
 * partner's; the partner's own export is hers; each service's audit log shows the reads with the
 * reason; every other role is refused.
 */
class SubjectAccessE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "SAR 2026/E2E-01, identity verified in person";
    private static final String GIVEN = "Sarvey";
    private static final String FAMILY = "Requestsson";
    private static final String PARTNER = "Confidentia Partnerley";

    private static String caseId;
    private static String trackId;

    @BeforeAll
    static void aCaseInEveryService() {
        caseId = Clients.nominals("offender-manager")
                .createNominal(new NominalCreate()
                        .givenName(GIVEN)
                        .familyName(FAMILY)
                        .dateOfBirth(LocalDate.of(1984, 8, 19))
                        .policeId("23/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "S")
                        .area("Northshire"))
                .getCaseId();
        Clients.referrals("offender-manager")
                .createReferral(new ReferralCreate()
                        .caseId(caseId)
                        .programmeCode("DRIVE-1TO1")
                        .source(ReferralSource.RISK_MATRIX)
                        .mandated(false)
                        .riskLevel(RiskLevel.HIGH));
        trackId = Clients.partnerTracks("partner-support-worker")
                .openPartnerTrack(
                        caseId,
                        new PartnerTrackOpen()
                                .relationship(PartnerRelationship.CURRENT_PARTNER)
                                .partnerName(PARTNER))
                .getTrackId()
                .toString();
    }

    private static HttpResponse<String> get(String path, String role, String reason) {
        TheSystem system = TheSystem.get();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + system.keycloak().tokenFor(role));
        if (reason != null) {
            request.header("X-Access-Reason", reason);
        }
        return Http.send(request.GET().build());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void theAdminsExportHoldsHisDataFromEveryServiceAndNotHisPartners() {
        HttpResponse<String> response = get("/api/cases/" + caseId + "/subject-access", "admin", REASON);
        JsonNode export = ok(response);
        assertThat(export.get("caseId").asString()).isEqualTo(caseId);
        assertThat(export.at("/riskMatrix/status").asString()).isEqualTo("AVAILABLE");
        assertThat(export.at("/riskMatrix/document/nominal/givenName").asString())
                .isEqualTo(GIVEN);
        assertThat(export.at("/riskMatrix/document/nominal/familyName").asString())
                .isEqualTo(FAMILY);
        assertThat(export.at("/programme/status").asString()).isEqualTo("AVAILABLE");
        assertThat(export.at("/programme/document/referrals/0/programmeCode").asString())
                .isEqualTo("DRIVE-1TO1");
        assertThat(export.at("/partnerSupport/status").asString()).isEqualTo("AVAILABLE");
        assertThat(export.at("/partnerSupport/document/partnerTracks").asInt()).isEqualTo(1);
        for (String part : List.of("riskMatrix", "programme", "partnerSupport")) {
            assertThat(export.at("/" + part + "/document/export/reason").asString())
                    .as(part)
                    .isEqualTo(REASON);
        }
        assertThat(response.body()).doesNotContain(PARTNER, "Confidentia", "Partnerley", trackId);
    }

    @Test
    void thePartnersOwnExportIsHers() {
        JsonNode export =
                ok(get("/api/partner-support/partner-tracks/" + trackId + "/subject-access", "admin", REASON));
        assertThat(export.at("/track/partnerName").asString()).isEqualTo(PARTNER);
        assertThat(export.toString()).doesNotContain(GIVEN, FAMILY);
    }

    @Test
    void eachServicesAuditLogShowsTheExportWithTheReasonToAnAdmin() {
        ok(get("/api/cases/" + caseId + "/subject-access", "admin", REASON));
        for (String service : List.of("risk-matrix", "programme", "partner-support")) {
            JsonNode page = ok(get(
                    "/api/" + service + "/audit-records?caseId=" + caseId + "&action=READ&size=200", "admin", null));
            List<String> exports = new ArrayList<>();
            page.get("items").forEach(record -> {
                if ("subject-access".equals(record.get("resourceType").asString())) {
                    assertThat(record.get("username").asString()).isEqualTo("demo-admin");
                    exports.add(record.get("reason").asString());
                }
            });
            assertThat(exports).as(service).isNotEmpty().containsOnly(REASON);
        }
        // the break-glass reads are in each service's report of unusual accesses
        JsonNode unusual = ok(get("/api/risk-matrix/audit-records/unusual?limit=1000", "admin", null));
        List<String> breakGlass = new ArrayList<>();
        unusual.get("items").forEach(item -> {
            if ("ADMIN_CASEWORK_READ".equals(item.get("rule").asString())
                    && caseId.equals(item.path("caseId").asString())) {
                breakGlass.add(item.get("reason").asString());
            }
        });
        assertThat(breakGlass).isNotEmpty().containsOnly(REASON);
    }

    @Test
    void withoutAReasonTheAdminIsRefusedAt400NamingIt() {
        HttpResponse<String> response = get("/api/cases/" + caseId + "/subject-access", "admin", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"X-Access-Reason\"").doesNotContain(GIVEN, FAMILY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"offender-manager", "facilitator", "service-manager", "partner-support-worker", "evaluator"})
    void everyOtherRoleIsRefusedTheExportAndTheAuditLog(String role) {
        for (String path : List.of(
                "/api/cases/" + caseId + "/subject-access",
                "/api/partner-support/partner-tracks/" + trackId + "/subject-access",
                "/api/risk-matrix/audit-records?caseId=" + caseId,
                "/api/partner-support/audit-records/unusual")) {
            HttpResponse<String> response = get(path, role, REASON);
            assertThat(response.statusCode()).as(role + " " + path).isEqualTo(403);
            assertThat(response.body()).doesNotContain(GIVEN, FAMILY, PARTNER);
        }
    }
}
