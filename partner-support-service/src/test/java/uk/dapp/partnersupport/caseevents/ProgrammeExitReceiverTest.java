package uk.dapp.partnersupport.caseevents;

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
import static uk.dapp.partnersupport.caseevents.CaseEvents.EXITS;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliver;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliverConcurrently;
import static uk.dapp.partnersupport.caseevents.CaseEvents.exit;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;

/** A programme exit reaches every open track of the case once, with a prompt to contact the partner. */
@ServiceTest
class ProgrammeExitReceiverTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    WorkingDays workingDays;

    private JsonNode track(String trackId) throws Exception {
        return json(mvc.perform(get("/partner-tracks/" + trackId).with(as(Roles.PARTNER_SUPPORT_WORKER)))
                .andExpect(status().isOk()));
    }

    private JsonNode prompts() throws Exception {
        return json(mvc.perform(get("/exit-contact-prompts").with(as(Roles.PARTNER_SUPPORT_WORKER)))
                .andExpect(status().isOk()));
    }

    private static String attempt(Instant at) {
        return "{\"attemptedAt\":\"" + at.truncatedTo(ChronoUnit.SECONDS)
                + "\",\"method\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}";
    }

    @Test
    void everyOpenTrackRecordsTheExitAndAPromptDueWithinTwoWorkingDays() throws Exception {
        String caseId = newCaseId();
        String current = openTrack(mvc, caseId, "Anon Current");
        String ex = openTrack(mvc, caseId, "Anon Ex");
        String closed = openTrack(mvc, caseId, "Anon Closed");
        send(mvc, post("/partner-tracks/" + closed + "/closure"), "{\"reason\":\"PARTNER_DECLINED\",\"version\":0}")
                .andExpect(status().isOk());
        String referralId = UUID.randomUUID().toString();
        LocalDate arrived = Times.today(Clock.systemUTC());

        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, referralId, "BREACHED", true))
                .andExpect(status().isNoContent());

        LocalDate due = workingDays.after(arrived, 2);
        for (String trackId : List.of(current, ex)) {
            JsonNode exits = track(trackId).get("programmeExits");
            assertThat(exits.size()).isEqualTo(1);
            JsonNode notice = exits.get(0);
            assertThat(notice.get("referralId").asString()).isEqualTo(referralId);
            assertThat(notice.get("programmeCode").asString()).isEqualTo("CHANGE-01");
            assertThat(notice.get("exitStatus").asString()).isEqualTo("BREACHED");
            assertThat(notice.get("nonCompliance").asBoolean()).isTrue();
            assertThat(Instant.parse(notice.get("exitedAt").asString()))
                    .isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
            assertThat(LocalDate.parse(notice.get("contactDueOn").asString())).isBetween(due, due.plusDays(3));
            assertThat(notice.get("contactPromptDone").asBoolean()).isFalse();
        }
        assertThat(track(closed).get("programmeExits").size()).isZero();

        JsonNode prompts = prompts();
        assertThat(values(prompts, "trackId")).contains(current, ex).doesNotContain(closed);
        prompts.forEach(p -> {
            if (p.get("trackId").asString().equals(current)) {
                assertThat(p.get("caseId").asString()).isEqualTo(caseId);
                assertThat(p.get("allocatedWorker").asString()).isEqualTo("psw-test");
                assertThat(p.get("exitStatus").asString()).isEqualTo("BREACHED");
                assertThat(p.get("workingDaysOverdue").asInt()).isZero();
                assertThat(p.toString()).doesNotContain("Anon");
            }
        });
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("reason")
                                .is("programme exit")),
                        AuditRecord.class))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.username()).isEqualTo("test-svc-programme"));
    }

    @Test
    void aContactAttemptAfterTheNoticeArrivedDoesThePromptAnEarlierOneDoesNot() throws Exception {
        String caseId = newCaseId();
        String reached = openTrack(mvc, caseId, "Anon One");
        String waiting = openTrack(mvc, caseId, "Anon Two");
        Instant opened = Instant.parse(track(waiting).get("openedAt").asString());
        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "COMPLETED", false))
                .andExpect(status().isNoContent());

        // an attempt made before the notice arrived, logged only now, is not a response to it
        send(mvc, post("/partner-tracks/" + waiting + "/contact-attempts"), attempt(opened))
                .andExpect(status().isCreated());
        Instant received = Instant.parse(
                track(reached).get("programmeExits").get(0).get("receivedAt").asString());
        send(mvc, post("/partner-tracks/" + reached + "/contact-attempts"), attempt(received.plusSeconds(1)))
                .andExpect(status().isCreated());

        assertThat(track(reached)
                        .get("programmeExits")
                        .get(0)
                        .get("contactPromptDone")
                        .asBoolean())
                .isTrue();
        assertThat(track(waiting)
                        .get("programmeExits")
                        .get(0)
                        .get("contactPromptDone")
                        .asBoolean())
                .isFalse();
        assertThat(values(prompts(), "trackId")).contains(waiting).doesNotContain(reached);
    }

    @Test
    void aPromptPastItsDueDateShowsHowManyWorkingDaysItIsOverdue() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "EXCLUDED", true))
                .andExpect(status().isNoContent());
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(trackId)),
                Update.update(
                        "programmeExits.0.contactDueOn",
                        Times.today(Clock.systemUTC()).minusDays(14)),
                PartnerTrack.class);
        prompts().forEach(p -> {
            if (p.get("trackId").asString().equals(trackId)) {
                assertThat(p.get("workingDaysOverdue").asInt()).isBetween(8, 10);
            }
        });
        assertThat(values(prompts(), "trackId")).contains(trackId);
    }

    @Test
    void theSameMessageTwiceRecordsOneNoticePerTrack() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        String path = EXITS + UUID.randomUUID();
        String body = exit(caseId, UUID.randomUUID().toString(), "DROPPED_OUT", true);
        deliver(mvc, path, body).andExpect(status().isNoContent());
        deliver(mvc, path, body).andExpect(status().isNoContent());
        JsonNode track = track(trackId);
        assertThat(track.get("programmeExits").size()).isEqualTo(1);
        assertThat(track.get("version").asLong()).isEqualTo(1);

        // a second, different exit is a second notice
        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "TRANSFERRED", false))
                .andExpect(status().isNoContent());
        assertThat(track(trackId).get("programmeExits").size()).isEqualTo(2);
    }

    @Test
    void theSameMessageFromEightThreadsAtOnceRecordsOneNoticePerTrack() throws Exception {
        String caseId = newCaseId();
        String one = openTrack(mvc, caseId, "Anon One");
        String two = openTrack(mvc, caseId, "Anon Two");
        List<Integer> statuses = deliverConcurrently(
                mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "BREACHED", true), 8);
        assertThat(statuses).containsOnly(204);
        for (String trackId : List.of(one, two)) {
            assertThat(mongo.findById(trackId, PartnerTrack.class).programmeExits())
                    .hasSize(1);
        }
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("reason")
                                .is("programme exit")),
                        AuditRecord.class))
                .isEqualTo(2);
    }

    @Test
    void aWorkersChangeFromARecordReadBeforeTheExitIsRefusedRatherThanDroppingIt() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "BREACHED", true))
                .andExpect(status().isNoContent());
        send(mvc, put("/partner-tracks/" + trackId + "/allocation"), "{\"allocatedWorker\":\"psw-kim\",\"version\":0}")
                .andExpect(status().isConflict());
        send(mvc, put("/partner-tracks/" + trackId + "/allocation"), "{\"allocatedWorker\":\"psw-kim\",\"version\":1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.programmeExits.length()").value(1));
        // a contact attempt saves the track too, and keeps the exit
        send(mvc, post("/partner-tracks/" + trackId + "/contact-attempts"), attempt(Instant.now()))
                .andExpect(status().isCreated());
        assertThat(mongo.findById(trackId, PartnerTrack.class).programmeExits()).hasSize(1);
    }

    @Test
    void aCaseWithNoOpenTrackRecordsNothing() throws Exception {
        String caseId = newCaseId();
        deliver(mvc, EXITS + UUID.randomUUID(), exit(caseId, UUID.randomUUID().toString(), "COMPLETED", false))
                .andExpect(status().isNoContent());
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isZero();
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), PartnerTrack.class))
                .isZero();
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndRecordNothing() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        String referralId = UUID.randomUUID().toString();
        String good = exit(caseId, referralId, "BREACHED", true);
        record Bad(String body, String field) {}
        for (Bad attempt : List.of(
                new Bad(exit(caseId, referralId, "ESCAPED", true), "exitStatus"),
                new Bad(good.replace("\"nonCompliance\":true,", ""), "nonCompliance"),
                new Bad(good.replace("\"nonCompliance\":true", "\"nonCompliance\":\"maybe\""), "nonCompliance"),
                new Bad(good.replace("\"CHANGE-01\"", "\"x\""), "programmeCode"),
                new Bad(good.replace("2026-11-20T16:00:00Z", "last week"), "exitedAt"),
                new Bad(good.replace(caseId, "ABC"), "caseId"))) {
            deliver(mvc, EXITS + UUID.randomUUID(), attempt.body())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(attempt.field()));
        }
        assertThat(mongo.findById(trackId, PartnerTrack.class).programmeExits()).isEmpty();
    }

    @Test
    void onlyTheProgrammeServiceMayDeliver() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        for (String role : Roles.EVERY_CALLER) {
            if (!role.equals(Roles.SVC_PROGRAMME)) {
                deliver(
                                mvc,
                                EXITS + UUID.randomUUID(),
                                exit(caseId, UUID.randomUUID().toString(), "BREACHED", true),
                                role)
                        .andExpect(status().isForbidden());
            }
        }
        assertThat(mongo.findById(trackId, PartnerTrack.class).programmeExits()).isEmpty();
    }
}
