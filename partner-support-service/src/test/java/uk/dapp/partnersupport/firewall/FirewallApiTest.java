package uk.dapp.partnersupport.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openSupportedTrack;
import static uk.dapp.partnersupport.TestTracks.referralHeld;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.dapp.partnersupport.TestTracks;
import uk.dapp.partnersupport.dash.DashScoringTest;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.contract.OpenApiContract;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;

/** The confidentiality firewall: what each role other than the partner support worker can learn, with real records present. */
@ServiceTest
class FirewallApiTest {

    private static final String NAME = "Marigold Testperson";
    private static final String NUMBER = "07700 900777";
    private static final String CODE_WORD = "snapdragon";
    private static final String ACCOUNT = "threatened me outside the chemist";
    private static final String REFERRED_NAME = "Bramble Referredperson";
    private static final String REFERRED_NUMBER = "07700 900555";
    private static final List<String> SECRETS =
            List.of(NAME, "Marigold", NUMBER, CODE_WORD, ACCOUNT, "chemist", REFERRED_NAME, "Bramble", REFERRED_NUMBER);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private record Case(
            String caseId,
            String trackId,
            String planId,
            String consentId,
            String referralId,
            String maracReferralId) {}

    private Case partnerWithEverything() throws Exception {
        String caseId = newCaseId();
        String trackId = openSupportedTrack(mvc, caseId, NAME);
        String t = "/partner-tracks/" + trackId;
        send(
                        mvc,
                        put(t + "/safe-contact"),
                        "{\"safeNumber\":\"" + NUMBER + "\",\"safeTimes\":\"after the chemist shuts\","
                                + "\"mayLeaveMessage\":true,\"codeWord\":\"" + CODE_WORD + "\",\"version\":0}")
                .andExpect(status().isOk());
        send(
                        mvc,
                        post(t + "/disclosures"),
                        "{\"disclosedOn\":\"" + LocalDate.now() + "\",\"category\":\"THREATS\","
                                + "\"riskLevel\":\"HIGH\",\"account\":\"" + ACCOUNT
                                + "\",\"location\":\"the chemist\"}")
                .andExpect(status().isCreated());
        send(
                        mvc,
                        post(t + "/dash-assessments"),
                        "{\"answers\":"
                                + DashScoringTest.yes(15).stream()
                                        .map(a -> "\"" + a + "\"")
                                        .collect(Collectors.joining(",", "[", "]"))
                                + ",\"completedOn\":\"" + LocalDate.now() + "\",\"incidentsInLast12Months\":0}")
                .andExpect(status().isCreated());
        String planId = json(send(
                                mvc,
                                post(t + "/safety-plans"),
                                "{\"actions\":[{\"description\":\"avoid the chemist\","
                                        + "\"owner\":\"partner\"}],\"reviewOn\":\""
                                        + LocalDate.now().plusDays(5) + "\"}")
                        .andExpect(status().isCreated()))
                .get("planId")
                .asString();
        String consentId = json(send(
                                mvc,
                                post(t + "/consents"),
                                "{\"type\":\"SUPPORT\",\"givenOn\":\"" + LocalDate.now() + "\"}")
                        .andExpect(status().isCreated()))
                .get("consentId")
                .asString();
        // a MARAC referral (her DASH is high: the criteria are met)
        String maracReferralId = json(send(
                                mvc, post(t + "/marac-referrals"), "{\"referredOn\":\"" + LocalDate.now() + "\"}")
                        .andExpect(status().isCreated()))
                .get("maracReferralId")
                .asString();
        // a second partner, named with a programme referral (with a number not yet known to be safe)
        String referralId = java.util.UUID.randomUUID().toString();
        mvc.perform(put("/case-events/partner-referrals/" + java.util.UUID.randomUUID())
                        .with(as(Roles.SVC_PROGRAMME))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\":\"" + caseId + "\",\"referralId\":\""
                                + referralId + "\",\"programmeCode\":\"DRIVE-01\",\"referredAt\":\""
                                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"partners\":[{\"relationship\":"
                                + "\"EX_PARTNER\",\"name\":\"" + REFERRED_NAME + "\",\"phone\":\"" + REFERRED_NUMBER
                                + "\"}]}"))
                .andExpect(status().isNoContent());
        // the programme holds the case while that referral is open (ADR 0009)
        assertThat(referralHeld(mvc, caseId, referralId, true, 1)).isEqualTo(204);
        return new Case(caseId, trackId, planId, consentId, referralId, maracReferralId);
    }

    @Test
    void facilitatorsAndServiceManagersSeeExistenceRiskAndContactOnly() throws Exception {
        Case c = partnerWithEverything();
        for (String role : List.of(Roles.FACILITATOR, Roles.SERVICE_MANAGER)) {
            MvcResult result = mvc.perform(get("/cases/" + c.caseId() + "/partner-support-summary")
                            .with(as(role)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.trackExists").value(true))
                    .andExpect(jsonPath("$.currentRiskLevel").value("HIGH"))
                    .andExpect(jsonPath("$.contactMade").value(false))
                    .andReturn();
            assertNoPartnerData(role, result.getResponse().getContentAsString(), c);
        }
        send(
                        mvc,
                        post("/partner-tracks/" + c.trackId() + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isCreated());
        mvc.perform(get("/cases/" + c.caseId() + "/partner-support-summary").with(as(Roles.FACILITATOR)))
                .andExpect(jsonPath("$.contactMade").value(true));
        List<AuditRecord> audit = mongo.find(
                Query.query(Criteria.where("caseId")
                        .is(c.caseId())
                        .and("resourceType")
                        .is("partner-support-summary")),
                AuditRecord.class);
        assertThat(audit).extracting(AuditRecord::username).contains("test-facilitator", "test-service-manager");
    }

    @Test
    void facilitatorsAndServiceManagersGet404ForACaseTheProgrammeDoesNotHoldAndOffenderManagersStillSeeExistence()
            throws Exception {
        Case c = partnerWithEverything();
        String summary = "/cases/" + c.caseId() + "/partner-support-summary";
        String unknown = newCaseId();
        // the programme's only referral of the case closes: it no longer holds the case
        assertThat(referralHeld(mvc, c.caseId(), c.referralId(), false, 3)).isEqualTo(204);
        for (String role : List.of(Roles.FACILITATOR, Roles.SERVICE_MANAGER)) {
            String refused = mvc.perform(get(summary).with(as(role)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            String never = mvc.perform(get("/cases/" + unknown + "/partner-support-summary")
                            .with(as(role)))
                    .andExpect(status().isNotFound())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // the same answer whether or not partner support has anything on the case
            assertThat(withoutCorrelation(refused.replace(c.caseId(), unknown))).isEqualTo(withoutCorrelation(never));
            assertNoPartnerData(role, refused, c);
            assertThat(refused).doesNotContain("trackExists");
        }
        // audited as refused reads, by whom
        List<AuditRecord> audit = mongo.find(
                Query.query(Criteria.where("caseId")
                        .is(c.caseId())
                        .and("resourceType")
                        .is("partner-support-summary")),
                AuditRecord.class);
        assertThat(audit)
                .extracting(AuditRecord::username, AuditRecord::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "test-facilitator", "refused: not a case the programme holds"),
                        org.assertj.core.groups.Tuple.tuple(
                                "test-service-manager", "refused: not a case the programme holds"));
        // the offender manager's existence-only view is not limited to cases the programme holds
        mvc.perform(get(summary).with(as(Roles.OFFENDER_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackExists").value(true));
        // a new referral of the case: held again
        TestTracks.programmeHolds(mvc, c.caseId());
        mvc.perform(get(summary).with(as(Roles.FACILITATOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currentRiskLevel").value("HIGH"));
    }

    @Test
    void offenderManagersSeeOnlyThatATrackExists() throws Exception {
        Case c = partnerWithEverything();
        String body = mvc.perform(
                        get("/cases/" + c.caseId() + "/partner-support-summary").with(as(Roles.OFFENDER_MANAGER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.trackExists").value(true))
                .andExpect(jsonPath("$.currentRiskLevel").doesNotExist())
                .andExpect(jsonPath("$.contactMade").doesNotExist())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertNoPartnerData(Roles.OFFENDER_MANAGER, body, c);
        mvc.perform(get("/cases/" + newCaseId() + "/partner-support-summary").with(as(Roles.OFFENDER_MANAGER)))
                .andExpect(jsonPath("$.trackExists").value(false));
    }

    @Test
    void evaluatorsAdminsAndWorkersDoNotUseTheSummary() throws Exception {
        Case c = partnerWithEverything();
        for (String role : List.of(Roles.EVALUATOR, Roles.ADMIN, Roles.PARTNER_SUPPORT_WORKER)) {
            mvc.perform(get("/cases/" + c.caseId() + "/partner-support-summary").with(as(role)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void everyPartnerEndpointRefusesEveryOtherRoleWithoutRevealingAnything() throws Exception {
        Case c = partnerWithEverything();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (OpenApiContract.Operation operation :
                OpenApiContract.forService("partner-support-service").operations()) {
            if (!operation.roles().contains(Roles.PARTNER_SUPPORT_WORKER)) {
                continue;
            }
            // common.yaml's operations (the caller, their notifications) serve every casework role: each
            // reads only what is addressed to the caller, never a partner detail (ADR 0016); not refused
            boolean shared = operation.roles().size() > 1;
            String path = operation
                    .path()
                    .replace("{caseId}", c.caseId())
                    .replace("{trackId}", c.trackId())
                    .replace("{planId}", c.planId())
                    .replace("{consentId}", c.consentId())
                    .replace("{maracReferralId}", c.maracReferralId())
                    .replace("{notificationId}", java.util.UUID.randomUUID().toString());
            for (String role : Roles.ALL) {
                if (role.equals(Roles.PARTNER_SUPPORT_WORKER)) {
                    continue;
                }
                MockHttpServletRequestBuilder request =
                        request(HttpMethod.valueOf(operation.method()), path).with(as(role));
                if (List.of("POST", "PUT").contains(operation.method())) {
                    request.contentType(MediaType.APPLICATION_JSON).content("{}");
                }
                MvcResult result = mvc.perform(request).andReturn();
                checked++;
                if (!shared && result.getResponse().getStatus() != 403) {
                    problems.add(operation.key() + " " + role + " -> "
                            + result.getResponse().getStatus());
                }
                String body = result.getResponse().getContentAsString();
                SECRETS.forEach(secret -> {
                    if (body.contains(secret)) {
                        problems.add(operation.key() + " " + role + " revealed partner data");
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(27 * 5);
    }

    private static String withoutCorrelation(String problem) {
        return problem.replaceAll("\"correlationId\":\"[^\"]*\",?", "");
    }

    private static void assertNoPartnerData(String role, String body, Case c) {
        SECRETS.forEach(secret -> assertThat(body).as(role).doesNotContain(secret));
        assertThat(body).as(role).doesNotContain(c.trackId()).doesNotContain("THREATS");
    }
}
