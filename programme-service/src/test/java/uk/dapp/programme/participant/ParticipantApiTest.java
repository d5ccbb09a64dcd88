package uk.dapp.programme.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.SensitivityAssertions;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.programme.Api;
import uk.dapp.programme.evaluator.ProgrammeContribution;
import uk.dapp.programme.referral.Referral;

/**
 * Who the person is: typed in with a referral, read and corrected by the case's team only (history
 * kept, every access audited), found by name or case ID, never passed to partner support and never
 * in the evaluators' contribution.
 */
@ServiceTest
class ParticipantApiTest {

    private static final RequestPostProcessor FACILITATOR = Callers.as("facilitator", "fac-ours");
    private static final RequestPostProcessor OTHER_TEAM = Callers.ofOtherTeam("facilitator");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    String family;
    String caseId;
    String referralId;

    @BeforeEach
    void aReferralWithTheIdentityTypedIn() throws Exception {
        family = "Identiford" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        JsonNode referral = Api.parse(mvc.perform(post("/referrals")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"programmeCode":"DRIVE-1TO1","source":"PROBATION","mandated":true,"riskLevel":"HIGH",
                         "responsibleProbationOfficer":"po-pat",
                         "partners":[{"relationship":"EX_PARTNER","name":"Partna Privata"}],
                         "participant":{"givenName":" Pat ","familyName":"%s","dateOfBirth":"1984-02-29","sex":"MALE",
                           "preferredContact":{"method":"PHONE","phone":"07700 900123","safeTimes":"after 6pm"},
                           "probationReference":"Z123456","interpreterLanguage":"Polish",
                           "accessibilityNeeds":"step-free access"}}""".formatted(family)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.team").value(Callers.TEAM))
                .andReturn()
                .getResponse()
                .getContentAsString());
        caseId = referral.get("caseId").asString();
        referralId = referral.get("referralId").asString();
    }

    @Test
    void theCasesTeamReadsWhoThePersonIsAndTheReadIsAudited() throws Exception {
        mvc.perform(get("/cases/" + caseId + "/participant").with(FACILITATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identity.givenName").value("Pat"))
                .andExpect(jsonPath("$.identity.familyName").value(family))
                .andExpect(jsonPath("$.identity.sex").value("MALE"))
                .andExpect(jsonPath("$.identity.preferredContact.method").value("PHONE"))
                .andExpect(jsonPath("$.identity.preferredContact.safeTimes").value("after 6pm"))
                .andExpect(jsonPath("$.identity.probationReference").value("Z123456"))
                .andExpect(jsonPath("$.source").value("REFERRAL"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.history.length()").value(0));
        assertThat(audits("fac-ours", AuditAction.READ)).isEqualTo(1);
    }

    @Test
    void anotherTeamGetsTheSame404AsForAnUnknownCaseAndTheRefusalIsAudited() throws Exception {
        String refused = mvc.perform(get("/cases/" + caseId + "/participant").with(OTHER_TEAM))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(Api.parse(refused).get("detail").asString())
                .isEqualTo("No participant is recorded for case " + caseId);
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(OTHER_TEAM)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction("Other", 0)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/referrals/" + referralId).with(OTHER_TEAM)).andExpect(status().isNotFound());
        mvc.perform(get("/referrals/" + referralId + "/timeline").with(OTHER_TEAM))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId + "/referrals").with(OTHER_TEAM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));

        List<AuditRecord> refusals = mongo.find(
                Query.query(Criteria.where("caseId")
                        .is(caseId)
                        .and("username")
                        .is("other-facilitator")
                        .and("reason")
                        .is(CaseScope.REFUSED)),
                AuditRecord.class);
        assertThat(refusals)
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(r -> assertThat(r.action()).isEqualTo(AuditAction.READ));
        mvc.perform(get("/cases/" + caseId + "/participant").with(FACILITATOR))
                .andExpect(jsonPath("$.identity.givenName").value("Pat"));
    }

    @Test
    void aCorrectionKeepsThePreviousIdentityAndAStaleOneIs409() throws Exception {
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction("Patrick", 0)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.identity.givenName").value("Patrick"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.history[0].before.givenName").value("Pat"))
                .andExpect(jsonPath("$.history[0].changedBy").value("fac-ours"))
                .andExpect(jsonPath("$.history[0].reason").value("spelling confirmed with him"))
                .andExpect(jsonPath("$.history[0].fieldsChanged[0]").value("givenName"));
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction("Stale", 0)))
                .andExpect(status().isConflict());
        assertThat(audits("fac-ours", AuditAction.UPDATE)).isEqualTo(1);
    }

    @Test
    void badIdentitiesAreRefusedNamingFieldAndRuleAndNothingChanges() throws Exception {
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":0,"reason":"r","identity":{"givenName":"Pat","familyName":"%s",
                                 "preferredContact":{"method":"EMAIL"}}}""".formatted(family)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("identity.preferredContact.email"))
                .andExpect(jsonPath("$.errors[0].rule").value("RequiredForMethod"));
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":0,"reason":"r","identity":{"givenName":"P\\u0007t","familyName":"%s"}}""".formatted(family)))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"version":0,"reason":"r","identity":{"givenName":"%s","familyName":"%s"}}""".formatted("x".repeat(101), family)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/cases/" + caseId + "/participant").with(FACILITATOR))
                .andExpect(jsonPath("$.identity.givenName").value("Pat"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void aFacilitatorFindsParticipantsOfTheirTeamsByNameOrCaseIdAndEachSearchIsAuditedWithItsCases() throws Exception {
        mvc.perform(get("/participants").param("name", family.toLowerCase()).with(FACILITATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(caseId))
                .andExpect(jsonPath("$.items[0].teams[0]").value(Callers.TEAM));
        mvc.perform(get("/participants").param("caseId", caseId.toLowerCase()).with(FACILITATOR))
                .andExpect(jsonPath("$.items[0].familyName").value(family));
        mvc.perform(get("/participants").param("name", family).with(OTHER_TEAM))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/participants").with(FACILITATOR)).andExpect(status().isBadRequest());
        mvc.perform(get("/participants").param("name", "a\u0000b").with(FACILITATOR))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/participants").param("caseId", "not-a-case").with(FACILITATOR))
                .andExpect(status().isBadRequest());

        List<AuditRecord> searches = mongo.find(
                Query.query(Criteria.where("username")
                        .is("fac-ours")
                        .and("action")
                        .is(AuditAction.SEARCH)
                        .and("resourceType")
                        .is(ParticipantService.RESOURCE)),
                AuditRecord.class);
        assertThat(searches)
                .extracting(AuditRecord::caseId)
                .containsOnly(caseId)
                .hasSize(2);
        assertThat(searches)
                .extracting(AuditRecord::query)
                .contains("name=" + family.toLowerCase() + "&page=0&size=20", "caseId=" + caseId + "&page=0&size=20");
    }

    @Test
    void theIdentityNeverTravelsToPartnerSupportNorReachesTheEvaluators() {
        Referral referral = mongo.findById(referralId, Referral.class);
        assertThat(referral.outbox())
                .extracting(OutboxEntry::payload)
                .allSatisfy(payload -> assertThat(payload.toString())
                        .doesNotContain(family, "Z123456", "07700 900123", "Polish", "1984-02-29"));
        SensitivityAssertions.assertEveryFieldLabelled(Participant.class);
        SensitivityAssertions.assertNotExportable(Participant.class, "identity.givenName");
        assertThat(java.util.Arrays.stream(ProgrammeContribution.class.getRecordComponents())
                        .map(c -> c.getName()))
                .doesNotContain("givenName", "familyName", "dateOfBirth", "preferredContact", "probationReference");
    }

    @Test
    void anEngageReferralBringsTheNominalsIdentityOnceAndTheDecidingTeamHoldsIt() throws Exception {
        String engaged = uk.dapp.platform.caseid.CaseId.generate(new java.security.SecureRandom())
                .value();
        String event = """
                {"caseId":"%s","pathway":"DRIVE","riskLevel":"HIGH","decidedAt":"2026-11-20T10:15:30Z","team":"%s",
                 "givenName":"Nomi","familyName":"%s","dateOfBirth":"1981-03-04","sex":"MALE",
                 "probationReference":"Y765432"}""".formatted(engaged, Callers.TEAM, family);
        String messageId = UUID.randomUUID().toString();
        for (int copy = 0; copy < 2; copy++) {
            mvc.perform(put("/case-events/engage-referrals/" + messageId)
                            .with(Callers.as("svc-risk-matrix", "service-account-svc-risk-matrix"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(event))
                    .andExpect(status().isNoContent());
        }

        mvc.perform(get("/cases/" + engaged + "/participant").with(FACILITATOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("RISK_MATRIX"))
                .andExpect(jsonPath("$.identity.givenName").value("Nomi"))
                .andExpect(jsonPath("$.identity.dateOfBirth").value("1981-03-04"))
                .andExpect(jsonPath("$.identity.probationReference").value("Y765432"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/cases/" + engaged + "/referrals").with(FACILITATOR))
                .andExpect(jsonPath("$[0].team").value(Callers.TEAM));
        mvc.perform(get("/cases/" + engaged + "/participant").with(OTHER_TEAM)).andExpect(status().isNotFound());
    }

    @Test
    void theSubjectAccessExportHoldsWhoHeIsInEveryVersion() throws Exception {
        mvc.perform(put("/cases/" + caseId + "/participant")
                        .with(FACILITATOR)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(correction("Patrick", 0)))
                .andExpect(status().isOk());

        mvc.perform(get("/cases/" + caseId + "/subject-access")
                        .with(Callers.as("admin", "sar-admin"))
                        .header("X-Access-Reason", "SAR 2026/0042, identity checked"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.participant.identity.givenName").value("Patrick"))
                .andExpect(jsonPath("$.participant.history[0].before.givenName").value("Pat"))
                .andExpect(jsonPath("$.participant.history[0].before.preferredContact.phone")
                        .value("07700 900123"));
    }

    private long audits(String user, AuditAction action) {
        return mongo.count(
                Query.query(Criteria.where("caseId")
                        .is(caseId)
                        .and("username")
                        .is(user)
                        .and("action")
                        .is(action)
                        .and("resourceType")
                        .is(ParticipantService.RESOURCE)),
                AuditRecord.class);
    }

    private String correction(String givenName, long version) {
        return """
                {"version":%d,"reason":"spelling confirmed with him","identity":{"givenName":"%s","familyName":"%s",
                 "dateOfBirth":"1984-02-29","sex":"MALE","probationReference":"Z123456"}}""".formatted(version, givenName, family);
    }
}
