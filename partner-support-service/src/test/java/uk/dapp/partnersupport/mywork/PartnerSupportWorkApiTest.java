package uk.dapp.partnersupport.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import uk.dapp.partnersupport.TestTracks;
import uk.dapp.partnersupport.marac.MaracMeetingNotices;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A partner support worker's work (issue 16 item 6): their tracks by what is due next, the team's
 * unallocated tracks, first contacts, exit-contact prompts and safety plan reviews, in their team only,
 * each case served audited with the list's name. Each test works in a team of its own, so the lists
 * hold only what it made.
 */
@ServiceTest
class PartnerSupportWorkApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MaracMeetingNotices maracNotices;

    private final String team = "mywork-" + UUID.randomUUID();
    private final String worker = "psw-" + UUID.randomUUID();
    private final RequestPostProcessor me =
            Callers.as("partner-support-worker", worker, List.of(team), List.of(Callers.AREA));

    @Test
    void aWorkersDayListsWhatIsDueOnTheirTeamsTracksAndAuditsEachCase() throws Exception {
        String newCase = TestTracks.newCaseId();
        String newTrack = open(newCase);
        String supportedCase = TestTracks.newCaseId();
        String supportedTrack = open(supportedCase);
        call(
                post("/partner-tracks/" + supportedTrack + "/contact-attempts"),
                "{\"attemptedAt\":\""
                        + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}",
                201);
        LocalDate review = LocalDate.now(ZoneId.of("Europe/London")).plusDays(3);
        call(
                post("/partner-tracks/" + supportedTrack + "/consents"),
                "{\"type\":\"SUPPORT\",\"givenOn\":\"" + LocalDate.now(ZoneId.of("Europe/London")) + "\"}",
                201);
        call(
                post("/partner-tracks/" + supportedTrack + "/safety-plans"),
                "{\"actions\":[{\"description\":\"Keep a bag packed\",\"owner\":\"partner\"}],\"reviewOn\":\"" + review
                        + "\"}",
                201);
        String referredCase = TestTracks.newCaseId();
        mvc.perform(put("/case-events/partner-referrals/" + UUID.randomUUID())
                        .with(Callers.as("svc-programme", "service-account-svc-programme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"caseId":"%s","referralId":"%s","programmeCode":"DRIVE-01","referredAt":"2026-11-20T09:30:00Z",
                         "team":"%s","partners":[{"relationship":"EX_PARTNER","name":"Listia Partnerly"}]}""".formatted(referredCase, UUID.randomUUID(), team)))
                .andExpect(status().isNoContent());

        // the counts alone, as the start page asks for them: no case served, none recorded as read
        Query searchesOfTheseCases = Query.query(Criteria.where("caseId")
                .in(newCase, supportedCase, referredCase)
                .and("action")
                .is(AuditAction.SEARCH));
        long searchedBefore = mongo.count(searchesOfTheseCases, AuditRecord.class);
        JsonNode counts = call(get("/my-work?limit=0"), null, 200);
        assertThat(counts.get("myTracks").get("total").asInt()).isEqualTo(2);
        assertThat(counts.get("firstContacts").get("total").asInt()).isEqualTo(2);
        assertThat(counts.get("myTracks").get("items")).isEmpty();
        assertThat(counts.toString())
                .doesNotContain(newCase)
                .doesNotContain(supportedCase)
                .doesNotContain(referredCase);
        assertThat(mongo.count(searchesOfTheseCases, AuditRecord.class)).isEqualTo(searchedBefore);

        JsonNode work = call(get("/my-work?limit=50"), null, 200);
        JsonNode mine = work.get("myTracks");
        assertThat(mine.get("total").asInt()).isEqualTo(2);
        assertThat(TestTracks.values(mine.get("items"), "caseId")).containsExactlyInAnyOrder(newCase, supportedCase);
        JsonNode newOne = item(mine.get("items"), newTrack);
        assertThat(newOne.get("nextDue").asString()).isEqualTo("FIRST_CONTACT");
        assertThat(newOne.get("overdue").asBoolean()).isFalse();
        assertThat(newOne.has("partnerName")).isFalse();
        JsonNode supported = item(mine.get("items"), supportedTrack);
        assertThat(supported.get("nextDue").asString()).isEqualTo("SAFETY_PLAN_REVIEW");
        assertThat(supported.get("nextDueOn").asString()).isEqualTo(review.toString());
        assertThat(supported.get("contactMade").asBoolean()).isTrue();

        assertThat(TestTracks.values(work.get("unallocated").get("items"), "caseId"))
                .containsExactly(referredCase);
        // the first contact is due five working days on: listed, not overdue; attempted contacts are not
        assertThat(TestTracks.values(work.get("firstContacts").get("items"), "caseId"))
                .containsExactlyInAnyOrder(newCase, referredCase);
        assertThat(work.get("firstContacts").get("overdue").asInt()).isZero();
        assertThat(TestTracks.values(work.get("safetyPlanReviews").get("items"), "caseId"))
                .containsExactly(supportedCase);
        assertThat(work.get("exitContactPrompts").get("total").asInt()).isZero();
        assertThat(work.toString()).doesNotContain("Listia");

        for (String[] audited : new String[][] {
            {newCase, "myTracks"},
            {supportedCase, "safetyPlanReviews"},
            {referredCase, "unallocated"},
            {referredCase, "firstContacts"}
        }) {
            assertThat(mongo.count(
                            Query.query(Criteria.where("caseId")
                                    .is(audited[0])
                                    .and("username")
                                    .is(worker)
                                    .and("action")
                                    .is(AuditAction.SEARCH)
                                    .and("query")
                                    .is(audited[1])),
                            AuditRecord.class))
                    .as("the %s list audited", audited[1])
                    .isEqualTo(1);
        }

        JsonNode theirs = mvc.perform(get("/my-work?limit=50").with(Callers.ofOtherTeam("partner-support-worker")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(TestTracks::tree);
        assertThat(theirs.toString())
                .doesNotContain(newCase)
                .doesNotContain(supportedCase)
                .doesNotContain(referredCase);
    }

    @Test
    void aProgrammeExitPromptsAContactTellsTheWorkerAndGoesFirstInTheirTracks() throws Exception {
        String caseId = TestTracks.newCaseId();
        String trackId = open(caseId);
        call(
                post("/partner-tracks/" + trackId + "/contact-attempts"),
                "{\"attemptedAt\":\""
                        + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                        + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}",
                201);
        mvc.perform(put("/case-events/programme-exits/" + UUID.randomUUID())
                        .with(Callers.as("svc-programme", "service-account-svc-programme"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + UUID.randomUUID()
                                + "\",\"programmeCode\":\"CHANGE-01\",\"exitStatus\":\"EXCLUDED\",\"nonCompliance\":true,"
                                + "\"exitedAt\":\"2026-11-20T16:00:00Z\"}"))
                .andExpect(status().isNoContent());

        JsonNode work = call(get("/my-work"), null, 200);
        assertThat(TestTracks.values(work.get("exitContactPrompts").get("items"), "caseId"))
                .containsExactly(caseId);
        JsonNode track = item(work.get("myTracks").get("items"), trackId);
        assertThat(track.get("nextDue").asString()).isEqualTo("EXIT_CONTACT");

        // other tests' messages wait in the outbox too: the relay takes a batch at a time
        for (int i = 0; i < 10; i++) {
            relay.runOnce();
        }
        JsonNode inbox = call(get("/notifications"), null, 200);
        assertThat(inbox.get("items")
                        .valueStream()
                        .filter(n -> n.get("caseId").asString().equals(caseId))
                        .map(n -> n.get("kind").asString())
                        .toList())
                .containsExactly("EXIT_CONTACT_DUE");
        assertThat(inbox.toString()).doesNotContain("partnerName");
    }

    @Test
    void aMaracNearIsNotifiedToTheTracksWorkerOncePerMeetingAndTheMeetingsAreInTheirDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        String nearCase = TestTracks.newCaseId();
        String nearTrack = open(nearCase);
        JsonNode near = refer(nearTrack, today, today);
        String laterCase = TestTracks.newCaseId();
        refer(open(laterCase), today, today.plusDays(30));
        String overdueCase = TestTracks.newCaseId();
        refer(open(overdueCase), today.minusDays(20), null);

        // the MARAC is near: the check notifies it once, however often it runs
        maracNotices.notifyNear();
        maracNotices.notifyNear();
        assertThat(maracNear(nearCase)).isEqualTo(1);
        assertThat(maracNear(laterCase)).isZero();
        assertThat(maracNear(overdueCase)).isZero();

        // the meeting moved: the new date is a new meeting, notified again
        call(
                put("/marac-referrals/" + near.get("maracReferralId").asString()),
                "{\"meetingOn\":\"" + today.plusDays(1) + "\",\"actions\":[],\"version\":"
                        + near.get("version").asLong() + "}",
                200);
        maracNotices.notifyNear();
        maracNotices.notifyNear();
        assertThat(maracNear(nearCase)).isEqualTo(2);

        // the worker's day lists the MARAC meetings: past the 14-day standard first, then by meeting date
        JsonNode meetings = call(get("/my-work"), null, 200).get("maracMeetings");
        assertThat(meetings.get("total").asInt()).isEqualTo(3);
        assertThat(meetings.get("overdue").asInt()).isEqualTo(1);
        assertThat(TestTracks.values(meetings.get("items"), "caseId"))
                .containsExactly(overdueCase, nearCase, laterCase);
        assertThat(TestTracks.values(meetings.get("items"), "near")).containsExactly("false", "true", "false");
        assertThat(meetings.get("items").get(0).has("meetingOn")).isFalse();
        assertThat(meetings.get("items").get(0).get("meetingDueBy").asString())
                .isEqualTo(today.minusDays(20).plusDays(14).toString());
        assertThat(meetings.get("items").get(1).get("meetingOn").asString())
                .isEqualTo(today.plusDays(1).toString());
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(nearCase)
                                .and("username")
                                .is(worker)
                                .and("action")
                                .is(AuditAction.SEARCH)
                                .and("query")
                                .is("maracMeetings")),
                        AuditRecord.class))
                .isEqualTo(1);
        // the whole list, the same order; another team sees none of it
        JsonNode all = call(get("/marac-meetings"), null, 200);
        assertThat(TestTracks.values(all, "caseId")).containsExactly(overdueCase, nearCase, laterCase);
        JsonNode theirs =
                TestTracks.tree(mvc.perform(get("/marac-meetings").with(Callers.ofOtherTeam("partner-support-worker")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(theirs.toString()).doesNotContain(nearCase).doesNotContain(overdueCase);
    }

    private JsonNode refer(String trackId, LocalDate referredOn, LocalDate meetingOn) throws Exception {
        return call(
                post("/partner-tracks/" + trackId + "/marac-referrals"),
                "{\"referredOn\":\"" + referredOn + "\""
                        + (meetingOn == null ? "" : ",\"meetingOn\":\"" + meetingOn + "\"")
                        + ",\"professionalJudgementReason\":\"threats to kill since the separation\"}",
                201);
    }

    /** The MARAC_NEAR notifications of the case in the worker's inbox, once the relay has delivered them. */
    private long maracNear(String caseId) throws Exception {
        // other tests' messages wait in the outbox too: the relay takes a batch at a time
        for (int i = 0; i < 10; i++) {
            relay.runOnce();
        }
        JsonNode inbox = call(get("/notifications?size=100"), null, 200);
        assertThat(inbox.toString()).doesNotContain("partnerName");
        return inbox.get("items")
                .valueStream()
                .filter(n -> n.get("caseId").asString().equals(caseId))
                .filter(n -> n.get("kind").asString().equals("MARAC_NEAR"))
                .count();
    }

    @Test
    void theTeamsTracksComePagedDueFirstAndOneWorkersOnRequest() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(TestTracks.newCaseId());
            open(cases.get(i));
        }
        JsonNode first = call(get("/partner-tracks?worker=" + worker + "&size=2"), null, 200);
        assertThat(first.get("totalItems").asLong()).isEqualTo(3);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        JsonNode second = call(get("/partner-tracks?worker=" + worker + "&size=2&page=1"), null, 200);
        List<String> listed = new ArrayList<>(TestTracks.values(first.get("items"), "caseId"));
        listed.addAll(TestTracks.values(second.get("items"), "caseId"));
        assertThat(listed).containsExactlyElementsOf(cases);
        assertThat(call(get("/partner-tracks?worker=someone-else"), null, 200)
                        .get("totalItems")
                        .asLong())
                .isZero();

        for (String role : List.of("facilitator", "service-manager", "offender-manager", "evaluator", "admin")) {
            mvc.perform(get("/partner-tracks").with(Callers.as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/my-work").with(Callers.as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/marac-meetings").with(Callers.as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/my-work?limit=-1").with(me)).andExpect(status().isBadRequest());
        mvc.perform(get("/my-work?limit=51").with(me)).andExpect(status().isBadRequest());
    }

    private String open(String caseId) throws Exception {
        return call(
                        post("/cases/" + caseId + "/partner-tracks"),
                        "{\"relationship\":\"CURRENT_PARTNER\",\"partnerName\":\"Anon Partner\"}",
                        201)
                .get("trackId")
                .asString();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String body, int expected) throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        String answer = mvc.perform(request.with(me))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return TestTracks.tree(answer);
    }

    private static JsonNode item(JsonNode items, String trackId) {
        return items.valueStream()
                .filter(i -> i.get("trackId").asString().equals(trackId))
                .findFirst()
                .orElseThrow();
    }
}
