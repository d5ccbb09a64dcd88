package uk.dapp.partnersupport.marac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.partnersupport.TestTracks.values;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * The MARAC referral as SafeLives and the Essex standard describe it: referred on the criteria the
 * records meet, heard within 14 days or listed overdue, with the actions agreed (owner, due date)
 * and the outcome; partner support workers of the track's team only, every step audited.
 */
@ServiceTest
class MaracApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String answers(int yes) {
        return Stream.concat(Collections.nCopies(yes, "YES").stream(), Collections.nCopies(24 - yes, "NO").stream())
                .map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private void dash(String trackId, int yes, LocalDate on, int typedIncidents, LocalDate typedPreviousMarac)
            throws Exception {
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/dash-assessments"),
                        "{\"answers\":" + answers(yes)
                                + ",\"completedOn\":\"" + on + "\",\"incidentsInLast12Months\":" + typedIncidents
                                + (typedPreviousMarac == null
                                        ? ""
                                        : ",\"previousMaracReferralOn\":\"" + typedPreviousMarac + "\"")
                                + "}")
                .andExpect(status().isCreated());
    }

    private void disclosure(String trackId, LocalDate on) throws Exception {
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/disclosures"),
                        "{\"disclosedOn\":\"" + on
                                + "\",\"category\":\"PHYSICAL\",\"riskLevel\":\"MEDIUM\",\"account\":\"synthetic account\"}")
                .andExpect(status().isCreated());
    }

    private JsonNode refer(String trackId, String body, int expected) throws Exception {
        return json(send(mvc, post("/partner-tracks/" + trackId + "/marac-referrals"), body)
                .andExpect(status().is(expected)));
    }

    private List<String> overdueIds() throws Exception {
        return values(
                json(mvc.perform(get("/overdue/marac-referrals").with(as("partner-support-worker")))
                        .andExpect(status().isOk())),
                "maracReferralId");
    }

    @Test
    void aReferralMeetsTheCriteriaTheRecordsShowAndIsHeardWithActionsOwnedAndDatedOrListedOverdue() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Maracia Partnerly");
        // no checklist, no incidents, no previous MARAC: nothing to refer on
        JsonNode refused = refer(trackId, "{\"referredOn\":\"" + TODAY + "\"}", 400);
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("criteria");
        assertThat(refused.get("errors").get(0).get("rule").asString()).isEqualTo("MaracCriteria");

        dash(trackId, 15, TODAY.minusDays(25), 0, null);
        LocalDate referredOn = TODAY.minusDays(20);
        JsonNode referral = refer(trackId, "{\"referredOn\":\"" + referredOn + "\"}", 201);
        String id = referral.get("maracReferralId").asString();
        assertThat(referral.get("criteria").size()).isEqualTo(1);
        assertThat(referral.get("criteria").get(0).asString()).isEqualTo("VISIBLE_HIGH_RISK");
        assertThat(referral.get("basis").get("dashYesCount").asInt()).isEqualTo(15);
        assertThat(referral.get("basis").get("dashChecklistLevel").asString()).isEqualTo("HIGH");
        assertThat(referral.get("basis").get("incidentsInLast12Months").asInt()).isZero();
        assertThat(referral.get("meetingDueBy").asString())
                .isEqualTo(referredOn.plusDays(14).toString());
        assertThat(referral.get("open").asBoolean()).isTrue();
        assertThat(referral.has("meetingWithinStandard")).isFalse();

        // one open MARAC referral per track
        refer(trackId, "{\"referredOn\":\"" + TODAY + "\"}", 409);
        // 20 days without an outcome: past the Essex standard of 14
        assertThat(overdueIds()).contains(id);

        String heard = """
                {"meetingOn":"%s","actions":[{"description":"flag the address for an urgent police response",
                 "owner":"Police","dueOn":"%s"},{"description":"expedite the move","owner":"Housing","dueOn":"%s"}],
                 "outcome":"HEARD_ACTIONS_AGREED","outcomeNote":"heard at the test MARAC","version":%d}""".formatted(
                        referredOn.plusDays(12),
                        referredOn.plusDays(13),
                        referredOn.plusDays(40),
                        referral.get("version").asLong());
        JsonNode updated = json(send(mvc, put("/marac-referrals/" + id), heard).andExpect(status().isOk()));
        assertThat(updated.get("open").asBoolean()).isFalse();
        assertThat(updated.get("meetingWithinStandard").asBoolean()).isTrue();
        assertThat(values(updated.get("actions"), "owner")).containsExactly("Police", "Housing");
        assertThat(overdueIds()).doesNotContain(id);
        // the same version again is stale
        send(mvc, put("/marac-referrals/" + id), heard).andExpect(status().isConflict());

        // three incidents disclosed in the twelve months, one older that does not count, and a repeat
        disclosure(trackId, TODAY.minusDays(400));
        disclosure(trackId, TODAY.minusDays(100));
        disclosure(trackId, TODAY.minusDays(30));
        disclosure(trackId, TODAY.minusDays(3));
        JsonNode repeat =
                refer(trackId, "{\"referredOn\":\"" + TODAY + "\",\"meetingOn\":\"" + TODAY.plusDays(16) + "\"}", 201);
        assertThat(repeat.get("criteria").size()).isEqualTo(3);
        assertThat(repeat.get("criteria").toString())
                .contains("VISIBLE_HIGH_RISK", "POTENTIAL_ESCALATION", "REPEAT_REFERRAL");
        assertThat(repeat.get("basis").get("incidentsInLast12Months").asInt()).isEqualTo(3);
        assertThat(repeat.get("basis").get("previousMaracReferralOn").asString())
                .isEqualTo(referredOn.toString());
        assertThat(repeat.get("basis").get("previousMaracFrom").asString()).isEqualTo("MARAC_REFERRAL");
        assertThat(repeat.get("meetingWithinStandard").asBoolean()).isFalse();

        JsonNode list = json(mvc.perform(
                        get("/partner-tracks/" + trackId + "/marac-referrals").with(as("partner-support-worker")))
                .andExpect(status().isOk()));
        assertThat(values(list, "maracReferralId"))
                .containsExactly(repeat.get("maracReferralId").asString(), id);
    }

    @Test
    void theIncidentCountAndThePreviousMaracComeFromTheRecordsNotFromWhatWasTypedIn() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Recordia Partnerly");
        // the checklist typed 9 incidents: the MARAC counts the disclosures recorded (none)
        dash(trackId, 5, TODAY.minusDays(2), 9, TODAY.minusMonths(3));
        JsonNode referral = refer(trackId, "{\"referredOn\":\"" + TODAY + "\"}", 201);
        assertThat(referral.get("basis").get("incidentsInLast12Months").asInt()).isZero();
        assertThat(referral.get("criteria").toString()).doesNotContain("POTENTIAL_ESCALATION");
        // a MARAC before these records, dated with the checklist, is still a previous MARAC
        assertThat(referral.get("criteria").toString()).contains("REPEAT_REFERRAL");
        assertThat(referral.get("basis").get("previousMaracFrom").asString()).isEqualTo("DASH_CHECKLIST");

        // a referral on professional judgement alone carries its reason
        String other = openTrack(mvc, newCaseId(), "Judgia Partnerly");
        JsonNode judged = refer(
                other,
                "{\"referredOn\":\"" + TODAY + "\",\"professionalJudgementReason\":"
                        + "\"threats since the separation\"}",
                201);
        assertThat(judged.get("criteria").toString()).isEqualTo("[\"PROFESSIONAL_JUDGEMENT\"]");
        assertThat(judged.get("professionalJudgementReason").asString()).isEqualTo("threats since the separation");
        assertThat(judged.get("basis").has("dashYesCount")).isFalse();
    }

    @Test
    void aCaseHeardNeedsItsMeetingDateAndItsActionsAndABadRevisionChangesNothing() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Revisia Partnerly");
        JsonNode referral =
                refer(trackId, "{\"referredOn\":\"" + TODAY + "\",\"professionalJudgementReason\":\"fear\"}", 201);
        String id = referral.get("maracReferralId").asString();
        JsonNode bad = json(send(
                        mvc,
                        put("/marac-referrals/" + id),
                        "{\"actions\":[],\"outcome\":" + "\"HEARD_ACTIONS_AGREED\",\"version\":"
                                + referral.get("version").asLong() + "}")
                .andExpect(status().isBadRequest()));
        assertThat(values(bad.get("errors"), "field")).containsExactly("meetingOn", "actions");
        send(
                        mvc,
                        put("/marac-referrals/" + id),
                        "{\"meetingOn\":\"" + TODAY.minusDays(1) + "\",\"actions\":[]," + "\"version\":"
                                + referral.get("version").asLong() + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotBeforeReferral"));
        JsonNode unchanged = json(mvc.perform(
                get("/partner-tracks/" + trackId + "/marac-referrals").with(as("partner-support-worker"))));
        assertThat(unchanged.get(0).get("version").asLong())
                .isEqualTo(referral.get("version").asLong());
        assertThat(unchanged.get(0).get("open").asBoolean()).isTrue();
    }

    @Test
    void anotherTeamsMaracReferralIsNotFoundLikeAnUnknownOneAndTheRefusalIsAudited() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Scopia Partnerly");
        JsonNode referral =
                refer(trackId, "{\"referredOn\":\"" + TODAY + "\",\"professionalJudgementReason\":\"fear\"}", 201);
        String id = referral.get("maracReferralId").asString();
        var theirs = Callers.ofOtherTeam("partner-support-worker");
        mvc.perform(get("/partner-tracks/" + trackId + "/marac-referrals").with(theirs))
                .andExpect(status().isNotFound());
        String body = "{\"actions\":[],\"version\":" + referral.get("version").asLong() + "}";
        String refused = mvc.perform(put("/marac-referrals/" + id)
                        .with(theirs)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknown = mvc.perform(put("/marac-referrals/" + java.util.UUID.randomUUID())
                        .with(theirs)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("No MARAC referral " + id);
        assertThat(unknown).contains("No MARAC referral");
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is("marac-referral")
                                .and("reason")
                                .is(CaseScope.REFUSED)),
                        AuditRecord.class))
                .isNotEmpty();
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is("marac-referral")
                                .and("action")
                                .is(AuditAction.CREATE)),
                        AuditRecord.class))
                .hasSize(1);
    }

    @Test
    void theDashThresholdsAreServedAsTheServiceAppliesThem() throws Exception {
        mvc.perform(get("/dash/thresholds").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.highFrom").value(14))
                .andExpect(jsonPath("$.mediumFrom").value(10))
                .andExpect(jsonPath("$.questions").value(24))
                .andExpect(jsonPath("$.escalationIncidents").value(3))
                .andExpect(jsonPath("$.repeatWindowMonths").value(12))
                .andExpect(jsonPath("$.maracMeetingWithinDays").value(14));
    }
}
