package uk.dapp.e2e.workingday;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.api.ParticipantsApi;
import uk.dapp.client.programme.model.Participant;
import uk.dapp.client.programme.model.ParticipantPage;
import uk.dapp.client.programme.model.ParticipantSource;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.Sex;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.e2e.flows.Eventually;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;

/**
 * Issue 16 through the gateway with the demo users' real tokens: teams and areas come from Keycloak
 * groups; an ENGAGE decision's referral brings the nominal's identity to the programme and is held by
 * the deciding officer's team (north); the south team's users get the same 404 as for an unknown case
 * and their refused reads are in the audit logs; a search is audited with its query and the case IDs
 * it returned.
 */
class TeamsAndIdentityE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FAMILY =
            "Teamworthy" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                    + (char) ('a' + ThreadLocalRandom.current().nextInt(26))
                    + (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    private static final LocalDate BORN = LocalDate.of(1986, 4, 12);

    private static String caseId;
    private static Referral referral;

    /** A north nominal engaged onto the Drive-style programme; his referral arrives through the outbox. */
    @BeforeAll
    static void anEngagedNorthNominal() {
        ApiClient om = RiskMatrixClients.as("offender-manager");
        caseId = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Engagio")
                        .familyName(FAMILY)
                        .dateOfBirth(BORN)
                        .sex(Sex.MALE)
                        .probationId("Z912345")
                        .policeId("24/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "T")
                        .area("Midwick"))
                .getCaseId();
        IncidentsApi incidents = new IncidentsApi(om);
        for (int i = 0; i < 3; i++) {
            incidents.addIncident(
                    caseId,
                    new IncidentCreate()
                            .date(LocalDate.now().minusMonths(2 + i * 3))
                            .type(IncidentType.DOMESTIC_ABUSE)
                            .offenceCode("EX-ABH")
                            .victimKey("VK-E2E-TEAM-" + i)
                            .dashLevel(DashLevel.HIGH)
                            .crime(true)
                            .outcome(Outcome.CHARGED));
        }
        RoutingApi routing = new RoutingApi(om);
        routing.recordSuitabilityFacts(
                caseId,
                new SuitabilityFacts()
                        .willingToEngage(true)
                        .consentsToGpsTag(false)
                        .drugMisuse(false)
                        .alcoholMisuse(false)
                        .housingNeed(false)
                        .inCustody(false)
                        .existingOrders(false));
        routing.decideRouting(
                caseId,
                new RoutingDecision()
                        .route(Route.ENGAGE)
                        .pathways(List.of(Pathway.DRIVE))
                        .reason("synthetic: Drive-style case management chosen for the team test"));
        referral = Eventually.until(
                        "the ENGAGE referral of " + caseId + " in the programme",
                        () -> ProgrammeClients.referrals("facilitator").listCaseReferrals(caseId),
                        list -> !list.isEmpty())
                .getFirst();
    }

    @Test
    void anEngageReferralArrivesWithTheNominalsIdentityAndTheDecidingTeam() {
        assertThat(referral.getTeam()).isEqualTo("north");
        Participant participant =
                new ParticipantsApi(ProgrammeClients.referrals("facilitator").getApiClient()).getParticipant(caseId);
        assertThat(participant.getSource()).isEqualTo(ParticipantSource.RISK_MATRIX);
        assertThat(participant.getIdentity().getGivenName()).isEqualTo("Engagio");
        assertThat(participant.getIdentity().getFamilyName()).isEqualTo(FAMILY);
        assertThat(participant.getIdentity().getDateOfBirth()).isEqualTo(BORN);
        assertThat(participant.getIdentity().getSex().getValue()).isEqualTo("MALE");
        assertThat(participant.getIdentity().getProbationReference()).isEqualTo("Z912345");
    }

    @Test
    void theOtherTeamGetsTheSame404AsForAnUnknownCaseAndTheRefusalIsAudited() {
        String gateway = TheSystem.get().gatewayUrl();
        String south = token("facilitator-south");
        String unknownReferral = "00000000-0000-4000-8000-000000000000";

        HttpResponse<String> refused =
                Http.get(gateway + "/api/programme/referrals/" + referral.getReferralId(), south);
        HttpResponse<String> unknown = Http.get(gateway + "/api/programme/referrals/" + unknownReferral, south);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(json(refused).get("title").asString())
                .isEqualTo(json(unknown).get("title").asString());
        assertThat(refused.body()).doesNotContain(FAMILY, "Engagio");
        assertThat(Http.get(gateway + "/api/programme/cases/" + caseId + "/participant", south)
                        .statusCode())
                .isEqualTo(404);
        assertThat(Http.get(gateway + "/api/risk-matrix/nominals/" + caseId, token("offender-manager-south"))
                        .statusCode())
                .isEqualTo(404);
        // the north team's own users still read it
        assertThat(Http.get(gateway + "/api/programme/referrals/" + referral.getReferralId(), token("facilitator"))
                        .statusCode())
                .isEqualTo(200);

        JsonNode programmeLog = auditRecords("programme", caseId);
        assertThat(records(programmeLog, "demo-facilitator-south")).isNotEmpty().allSatisfy(record -> {
            assertThat(record.get("action").asString()).isEqualTo("READ");
            assertThat(record.get("reason").asString()).startsWith("refused");
        });
        JsonNode riskLog = auditRecords("risk-matrix", caseId);
        assertThat(records(riskLog, "demo-offender-manager-south"))
                .singleElement()
                .satisfies(record -> assertThat(record.get("reason").asString()).startsWith("refused"));
    }

    @Test
    void aSearchIsAuditedWithItsQueryAndTheCasesItReturned() {
        ParticipantPage found = new ParticipantsApi(
                        ProgrammeClients.referrals("facilitator").getApiClient())
                .searchParticipants(FAMILY.toLowerCase(), null, 0, 20);
        assertThat(found.getItems()).extracting(item -> item.getCaseId()).containsExactly(caseId);
        assertThat(new ParticipantsApi(
                                ProgrammeClients.referrals("facilitator-south").getApiClient())
                        .searchParticipants(FAMILY.toLowerCase(), null, 0, 20)
                        .getItems())
                .isEmpty();
        new NominalsApi(RiskMatrixClients.as("offender-manager")).searchNominals(FAMILY, BORN, null, null, null, 0, 20);

        List<JsonNode> participantSearches = new ArrayList<>();
        auditRecords("programme", caseId).get("items").forEach(record -> {
            if ("SEARCH".equals(record.get("action").asString())
                    && "participant".equals(record.get("resourceType").asString())) {
                participantSearches.add(record);
            }
        });
        assertThat(participantSearches).singleElement().satisfies(record -> {
            assertThat(record.get("username").asString()).isEqualTo("demo-facilitator");
            assertThat(record.get("query").asString()).isEqualTo("name=" + FAMILY.toLowerCase() + "&page=0&size=20");
        });
        assertThat(records(auditRecords("risk-matrix", caseId), "demo-offender-manager"))
                .anySatisfy(record -> {
                    assertThat(record.get("action").asString()).isEqualTo("SEARCH");
                    assertThat(record.get("query").asString())
                            .isEqualTo("name=" + FAMILY + "&dateOfBirth=" + BORN + "&page=0&size=20");
                });
    }

    private static String token(String role) {
        return TheSystem.get().keycloak().tokenFor(role);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode auditRecords(String service, String ofCase) {
        HttpResponse<String> response = Http.get(
                TheSystem.get().gatewayUrl() + "/api/" + service + "/audit-records?size=200&caseId=" + ofCase,
                token("admin"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<JsonNode> records(JsonNode page, String username) {
        List<JsonNode> mine = new ArrayList<>();
        page.get("items").forEach(record -> {
            if (username.equals(record.get("username").asString())) {
                mine.add(record);
            }
        });
        return mine;
    }
}
