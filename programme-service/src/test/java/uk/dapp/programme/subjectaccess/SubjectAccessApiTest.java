package uk.dapp.programme.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.views.SubjectAccess;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;

/**
 * The subject access export of the person referred under a case: his referrals, assessments,
 * attendance, alerts, reviews and exit, audited with the admin's reason; nothing his partner told
 * partner support, and nothing of the partners named with his referral.
 */
@ProgrammeServiceTest
class SubjectAccessApiTest {

    @Autowired
    TestDirectory directory;

    private static final String REASON = "SAR 2026/0207 received by post";
    private static final String PARTNER_NAME = "Partnerina Hiddenworth";
    private static final String PARTNER_PHONE = "07700 900461";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    private MvcResult export(String caseId, String reason) throws Exception {
        var request = get("/cases/" + caseId + "/subject-access").with(as(Roles.ADMIN, "prog-sar-admin"));
        if (reason != null) {
            request.header("X-Access-Reason", reason);
        }
        return mvc.perform(request).andReturn();
    }

    @Test
    void theExportHoldsHisProgrammeRecordAndNothingFromOrAboutHisPartner() throws Exception {
        Api api = new Api(mvc);
        String officer = "Officer Sarwright";
        String id = api.expect(
                        201, "POST", "/referrals", "facilitator", """
                {"programmeCode":"DRIVE-1TO1","source":"PROBATION","mandated":true,"riskLevel":"HIGH",
                 "responsibleProbationOfficer":"%s","dateOfBirth":"1983-07-21",
                 "partners":[{"relationship":"EX_PARTNER","name":"%s","phone":"%s"}]}""".formatted(officer, PARTNER_NAME, PARTNER_PHONE))
                .text("referralId");
        String caseId =
                api.getJson("/referrals/" + id, "facilitator").get("caseId").asString();
        api.assess(id, 4);
        api.enrolOneToOne(id, directory.newCaseManager());
        api.expect(
                201,
                "POST",
                "/referrals/" + id + "/reviews",
                "facilitator",
                "{\"riskLevel\":\"MEDIUM\",\"safetyActions\":\"weekly check-in arranged\",\"attendees\":[{\"name\":\"Alex Example\",\"role\":\"case manager\"}],\"actions\":[{\"action\":\"weekly check-in\",\"owner\":\"Sam Sample\"}]}");
        String ownAlert = api.expect(
                        201,
                        "POST",
                        "/referrals/" + id + "/alerts",
                        "facilitator",
                        "{\"concern\":\"missed two appointments and was agitated\"}")
                .text("alertId");
        // what his partner told partner support arrives as an alert: hers, so not his to read
        String disclosureAlert = UUID.randomUUID().toString();
        api.expect(
                204,
                "PUT",
                "/case-events/risk-alerts/" + disclosureAlert,
                Roles.SVC_PARTNER_SUPPORT,
                "service-account-svc-partner-support",
                """
                        {"caseId":"%s","level":"HIGH","category":"COERCIVE_CONTROL","disclosedOn":"%s"}""".formatted(caseId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        // that partner support opened a track for her is hers too
        String trackRef = api.partnerTrackOpened(caseId);

        MvcResult result = export(caseId, REASON);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain(trackRef).doesNotContain("track-holding");
        JsonNode export = Api.parse(body);
        assertThat(export.get("caseId").asString()).isEqualTo(caseId);
        assertThat(export.get("referrals")).hasSize(1);
        assertThat(export.at("/referrals/0/responsibleProbationOfficer").asString())
                .isEqualTo(officer);
        assertThat(export.at("/referrals/0/dateOfBirth").asString()).isEqualTo("1983-07-21");
        assertThat(export.at("/referrals/0/history").size()).isGreaterThanOrEqualTo(2);
        assertThat(export.get("assessments")).hasSize(1);
        assertThat(export.at("/assessments/0/motivation").asInt()).isEqualTo(4);
        assertThat(export.get("reviews")).hasSize(1);
        assertThat(export.at("/reviews/0/safetyActions").asString()).isEqualTo("weekly check-in arranged");
        assertThat(values(export.get("alerts"), "alertId")).containsExactly(ownAlert);
        assertThat(body)
                .doesNotContain(
                        disclosureAlert,
                        "COERCIVE_CONTROL",
                        "PARTNER_DISCLOSURE",
                        PARTNER_NAME,
                        "Hiddenworth",
                        PARTNER_PHONE,
                        "OVERDUE_RISK_ALERT");
        // the trail shows his alert being raised but nothing of the one from her disclosure
        List<String> trailResources = values(export.at("/export/auditTrail"), "resourceId");
        assertThat(trailResources).contains(ownAlert).doesNotContain(disclosureAlert);
        assertThat(mongo.exists(Query.query(Criteria.where("resourceId").is(disclosureAlert)), AuditRecord.class))
                .isTrue();
        assertThat(export.at("/export/reason").asString()).isEqualTo(REASON);

        AuditRecord audited = mongo.findOne(
                Query.query(
                        Criteria.where("caseId").is(caseId).and("resourceType").is(SubjectAccess.RESOURCE)),
                AuditRecord.class);
        assertThat(audited.username()).isEqualTo("prog-sar-admin");
        assertThat(audited.reason()).isEqualTo(REASON);
    }

    @Test
    void anExitAndAttendanceAreInTheExport() throws Exception {
        Api api = new Api(mvc);
        String id = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String caseId =
                api.getJson("/referrals/" + id, "facilitator").get("caseId").asString();
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"moved out of the area\"}");
        JsonNode export = Api.parse(export(caseId, REASON).getResponse().getContentAsString());
        assertThat(export.at("/referrals/0/status").asString()).isEqualTo("WITHDRAWN");
        assertThat(export.at("/referrals/0/history").toString()).contains("moved out of the area");
        assertThat(export.get("attendance")).isEmpty();
    }

    @Test
    void missingReasonIs400NamingTheHeaderAndNothingIsAudited() throws Exception {
        String id = new Api(mvc).refer("DRIVE-1TO1", null, false, "Officer Noreason", "HIGH");
        String caseId = new Api(mvc)
                .getJson("/referrals/" + id, "facilitator")
                .get("caseId")
                .asString();
        MvcResult result = export(caseId, null);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = Api.parse(result.getResponse().getContentAsString());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("X-Access-Reason");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Officer Noreason");
        assertThat(mongo.exists(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is(SubjectAccess.RESOURCE)),
                        AuditRecord.class))
                .isFalse();
    }

    @Test
    void aCaseThisServiceKnowsNothingOfIsNotFound() throws Exception {
        assertThat(export(CaseId.generate(new SecureRandom()).value(), REASON)
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> found = new ArrayList<>();
        array.forEach(item -> {
            if (item.hasNonNull(field)) {
                found.add(item.get(field).asString());
            }
        });
        return found;
    }
}
