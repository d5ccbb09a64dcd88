package uk.dapp.partnersupport.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.partnersupport.TestTracks.values;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.partnersupport.firewall.PartnerDataAudit;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Subject access behind the firewall, on a case with two partners: his export says how many
 * tracks there are and what he was referred to and exited, and nothing of either partner (not
 * even in its audit trail); each partner's export is hers alone, her safe contact in the clear.
 */
@ServiceTest
class SubjectAccessApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REASON = "SAR 2026/0311, identity checked";
    private static final String FIRST = "Marigold Firstpartner";
    private static final String SECOND = "Hollyhock Secondpartner";
    private static final String REFERRED = "Bryony Referredpartner";
    private static final String REFERRAL_PHONE = "07700 900777";
    private static final String SAFE_NUMBER = "07700 900888";
    private static final String CODE_WORD = "periwinkle";
    private static final String ACCOUNT = "he waited outside the surgery twice last week";
    private static final String SECOND_CODE_WORD = "snapdragon";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private String caseId;
    private String first;
    private String second;
    private String referralId;

    @BeforeEach
    void aCaseWithThreePartners() throws Exception {
        caseId = newCaseId();
        first = openTrack(mvc, caseId, FIRST);
        second = openTrack(mvc, caseId, SECOND);
        send(
                        mvc,
                        put("/partner-tracks/" + first + "/safe-contact"),
                        "{\"safeNumber\":\"" + SAFE_NUMBER
                                + "\",\"safeTimes\":\"weekday mornings\",\"mayLeaveMessage\":false,\"codeWord\":\""
                                + CODE_WORD
                                + "\",\"version\":0}")
                .andExpect(status().is2xxSuccessful());
        send(
                        mvc,
                        put("/partner-tracks/" + second + "/safe-contact"),
                        "{\"safeNumber\":\"07700 900999\","
                                + "\"safeTimes\":\"evenings\",\"mayLeaveMessage\":true,\"codeWord\":\""
                                + SECOND_CODE_WORD
                                + "\",\"version\":0}")
                .andExpect(status().is2xxSuccessful());
        send(
                        mvc,
                        post("/partner-tracks/" + first + "/disclosures"),
                        "{\"disclosedOn\":\"" + LocalDate.now()
                                + "\",\"category\":\"STALKING_HARASSMENT\",\"riskLevel\":\"HIGH\",\"account\":\""
                                + ACCOUNT + "\"}")
                .andExpect(status().isCreated());
        send(
                        mvc,
                        post("/partner-tracks/" + first + "/consents"),
                        "{\"type\":\"SUPPORT\",\"givenOn\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isCreated());
        // a third partner, named with his programme referral, and then his exit from it
        referralId = UUID.randomUUID().toString();
        event(
                "/case-events/partner-referrals/" + UUID.randomUUID(),
                "{\"caseId\":\"" + caseId + "\",\"referralId\":\""
                        + referralId
                        + "\",\"programmeCode\":\"CHANGE-01\",\"referredAt\":\"2026-11-20T09:30:00Z\",\"team\":\"test-team\",\"partners\":"
                        + "[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + REFERRED + "\",\"phone\":\""
                        + REFERRAL_PHONE
                        + "\"}]}");
        event(
                "/case-events/programme-exits/" + UUID.randomUUID(),
                "{\"caseId\":\"" + caseId + "\",\"referralId\":\""
                        + referralId
                        + "\",\"programmeCode\":\"CHANGE-01\",\"exitStatus\":\"BREACHED\",\"nonCompliance\":true,"
                        + "\"exitedAt\":\"2026-11-21T16:00:00Z\"}");
    }

    private void event(String path, String body) throws Exception {
        mvc.perform(put(path)
                        .with(as(Roles.SVC_PROGRAMME))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNoContent());
    }

    private MvcResult export(String path, String reason) throws Exception {
        var request = get(path).with(as(Roles.ADMIN, "psw-sar-admin"));
        if (reason != null) {
            request.header("X-Access-Reason", reason);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void hisExportSaysHowManyTracksAndWhatHeWasReferredToAndNothingAboutThePartners() throws Exception {
        MvcResult result = export("/cases/" + caseId + "/subject-access", REASON);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        JsonNode export = JSON.readTree(body);
        assertThat(export.get("caseId").asString()).isEqualTo(caseId);
        assertThat(export.get("partnerTracks").asInt()).isEqualTo(3);
        assertThat(values(export.get("programmeReferrals"), "referralId")).containsExactly(referralId);
        assertThat(export.at("/programmeExits/0/exitStatus").asString()).isEqualTo("BREACHED");
        assertThat(export.get("programmeExits")).hasSize(1);
        assertThat(body)
                .doesNotContain(
                        FIRST,
                        "Marigold",
                        SECOND,
                        "Hollyhock",
                        REFERRED,
                        "Bryony",
                        REFERRAL_PHONE,
                        SAFE_NUMBER,
                        CODE_WORD,
                        SECOND_CODE_WORD,
                        ACCOUNT,
                        "STALKING",
                        first,
                        second,
                        "safe-contact",
                        "disclosure",
                        "consent");
        // his trail: this export's own record, with the reason; no record of any partner's data
        JsonNode trail = export.at("/export/auditTrail");
        assertThat(values(trail, "resourceType")).containsOnly(SubjectAccess.RESOURCE);
        assertThat(trail.get(0).get("reason").asString()).isEqualTo(REASON);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isGreaterThan(trail.size());
    }

    @Test
    void aPartnersExportIsHersWithHerSafeContactInTheClearAndNothingOfTheOthers() throws Exception {
        MvcResult result = export("/partner-tracks/" + first + "/subject-access", REASON);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        JsonNode export = JSON.readTree(body);
        assertThat(export.at("/track/partnerName").asString()).isEqualTo(FIRST);
        assertThat(export.at("/safeContact/safeNumber").asString()).isEqualTo(SAFE_NUMBER);
        assertThat(export.at("/safeContact/codeWord").asString()).isEqualTo(CODE_WORD);
        assertThat(export.at("/disclosures/0/account").asString()).isEqualTo(ACCOUNT);
        assertThat(export.get("consents")).hasSize(1);
        assertThat(export.at("/outcomes/points")).isEmpty();
        assertThat(export.at("/export/reason").asString()).isEqualTo(REASON);
        assertThat(export.at("/export").has("auditTrail")
                        && !export.at("/export/auditTrail").isNull())
                .isFalse();
        assertThat(body)
                .doesNotContain(
                        SECOND, "Hollyhock", SECOND_CODE_WORD, "07700 900999", second, REFERRED, REFERRAL_PHONE);

        AuditRecord audited = mongo.findOne(
                Query.query(Criteria.where("resourceType")
                        .is(PartnerDataAudit.PARTNER_EXPORT)
                        .and("resourceId")
                        .is(first)),
                AuditRecord.class);
        assertThat(audited.reason()).isEqualTo(REASON);
        assertThat(audited.username()).isEqualTo("psw-sar-admin");
        assertThat(audited.caseId()).isEqualTo(caseId);
    }

    @Test
    void aPartnerNamedWithAReferralGetsTheNumberGivenThenInTheClear() throws Exception {
        JsonNode tracks =
                json(mvc.perform(get("/cases/" + caseId + "/partner-tracks").with(as("partner-support-worker"))));
        String referred = null;
        for (JsonNode track : tracks) {
            if (REFERRED.equals(track.get("partnerName").asString())) {
                referred = track.get("trackId").asString();
            }
        }
        JsonNode export = JSON.readTree(export("/partner-tracks/" + referred + "/subject-access", REASON)
                .getResponse()
                .getContentAsString());
        assertThat(export.at("/track/referral/phoneGivenAtReferral").asString()).isEqualTo(REFERRAL_PHONE);
        assertThat(export.toString()).doesNotContain(FIRST, SECOND, SAFE_NUMBER, ACCOUNT);
    }

    @Test
    void theAdminsReadOfPartnerDataIsReportedAsUnusual() throws Exception {
        export("/partner-tracks/" + second + "/subject-access", REASON);
        JsonNode report = JSON.readTree(mvc.perform(get("/audit-records/unusual")
                        .param(
                                "from",
                                OffsetDateTime.now(ZoneOffset.UTC)
                                        .minusMinutes(10)
                                        .toString())
                        .with(as(Roles.ADMIN, "auditor")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<String> flagged = new java.util.ArrayList<>();
        report.get("items").forEach(item -> {
            AuditRecord read = item.hasNonNull("auditRecordId")
                    ? mongo.findById(item.get("auditRecordId").asString(), AuditRecord.class)
                    : null;
            if (read != null && second.equals(read.resourceId())) {
                flagged.add(item.get("rule").asString());
            }
        });
        assertThat(flagged).containsExactlyInAnyOrder("RESTRICTED_RESOURCE_READ", "ADMIN_CASEWORK_READ");
    }

    @Test
    void withoutAReasonNeitherExportReadsAnything() throws Exception {
        for (String path :
                List.of("/cases/" + caseId + "/subject-access", "/partner-tracks/" + first + "/subject-access")) {
            MvcResult result = export(path, "   ");
            assertThat(result.getResponse().getStatus()).as(path).isEqualTo(400);
            assertThat(JSON.readTree(result.getResponse().getContentAsString())
                            .at("/errors/0/field")
                            .asString())
                    .isEqualTo("X-Access-Reason");
        }
        assertThat(mongo.exists(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("username")
                                .is("psw-sar-admin")),
                        AuditRecord.class))
                .isFalse();
    }

    @Test
    void anUnknownTrackOrCaseIsNotFound() throws Exception {
        assertThat(export("/partner-tracks/" + UUID.randomUUID() + "/subject-access", REASON)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(export("/cases/" + newCaseId() + "/subject-access", REASON)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void noOtherRoleMayExportEither() throws Exception {
        for (String role :
                List.of("partner-support-worker", "facilitator", "offender-manager", "service-manager", "evaluator")) {
            for (String path :
                    List.of("/cases/" + caseId + "/subject-access", "/partner-tracks/" + first + "/subject-access")) {
                MvcResult result = mvc.perform(get(path).with(as(role)).header("X-Access-Reason", REASON))
                        .andReturn();
                assertThat(result.getResponse().getStatus())
                        .as(role + " " + path)
                        .isEqualTo(403);
                assertThat(result.getResponse().getContentAsString()).doesNotContain(FIRST, SAFE_NUMBER);
            }
        }
    }
}
