package uk.dapp.programme.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * A session's whole register in one request ({@code PUT /sessions/{sessionId}/register}): each entry
 * by the single attendance's rules, all or nothing, a repeat changing nothing.
 */
@ProgrammeServiceTest
class SessionRegisterApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    /** A Change group with {@code members} enrolled members; answers the group ID then the referral IDs. */
    private static List<String> groupOf(Api api, int members) throws Exception {
        String group = api.group("CHANGE-GROUP", null, List.of(Api.unique("fac")));
        List<String> ids = new ArrayList<>(List.of(group));
        for (int i = 0; i < members; i++) {
            String id = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
            api.assess(id, 4);
            api.expect(
                    200, "POST", "/referrals/" + id + "/enrolment", "facilitator", "{\"groupId\":\"" + group + "\"}");
            ids.add(id);
        }
        return ids;
    }

    /** A session of the group that began an hour ago (or, with a negative age, is still to come). */
    private String session(Api api, String groupId, Duration age) throws Exception {
        return api.expect(201, "POST", "/sessions", "facilitator", """
                {"groupId":"%s","scheduledAt":"%s"}""".formatted(
                                groupId, clock.instant().minus(age)))
                .text("sessionId");
    }

    private static String register(String... referralAndOutcome) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < referralAndOutcome.length; i += 2) {
            entries.add("{\"referralId\":\"%s\",\"outcome\":\"%s\"}"
                    .formatted(referralAndOutcome[i], referralAndOutcome[i + 1]));
        }
        return "{\"attendances\":[" + String.join(",", entries) + "]}";
    }

    private long attendanceOf(String sessionId) {
        return mongo.count(Query.query(Criteria.where("sessionId").is(sessionId)), "attendance");
    }

    private int historyOf(Api api, String referralId) throws Exception {
        return api.getJson("/referrals/" + referralId, "facilitator")
                .get("history")
                .size();
    }

    @Test
    void eachEntryIsRecordedAsASingleAttendanceWouldBe_andTheRegisterIsAnsweredInTheOrderGiven() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 2);
        String session = session(api, g.get(0), Duration.ofHours(1));

        JsonNode answer = api.expect(
                        200,
                        "PUT",
                        "/sessions/" + session + "/register",
                        "facilitator",
                        register(g.get(2), "ACCEPTABLE_ABSENCE", g.get(1), "ATTENDED_COMPLIED"))
                .body();

        assertThat(answer.get("sessionId").asString()).isEqualTo(session);
        JsonNode rows = answer.get("attendances");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("referralId").asString()).isEqualTo(g.get(2));
        assertThat(rows.get(0).get("referralStatus").asString())
                .as("an absence does not start the programme")
                .isEqualTo("ENROLLED");
        assertThat(rows.get(1).get("referralId").asString()).isEqualTo(g.get(1));
        assertThat(rows.get(1).get("referralStatus").asString())
                .as("the first attendance starts it")
                .isEqualTo("ON_PROGRAMME");
        assertThat(rows.get(1).get("sessionsAttended").asInt()).isEqualTo(1);
        assertThat(api.status(g.get(1))).isEqualTo("ON_PROGRAMME");
        assertThat(attendanceOf(session)).isEqualTo(2);
        long audited = mongo.count(
                Query.query(Criteria.where("resourceType")
                        .is("attendance")
                        .and("action")
                        .is("CREATE")
                        .and("resourceId")
                        .regex("^" + session)),
                "audit_log");
        assertThat(audited).as("one audit record per case's attendance").isEqualTo(2);
    }

    @Test
    void allOrNothing_aParticipantNotInTheSessionsGroupIsRefusedNamingTheEntry_andNothingIsRecorded() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 1);
        List<String> other = groupOf(api, 1);
        String session = session(api, g.get(0), Duration.ofHours(1));

        JsonNode problem = api.expect(
                        400,
                        "PUT",
                        "/sessions/" + session + "/register",
                        "facilitator",
                        register(g.get(1), "ATTENDED_COMPLIED", other.get(1), "ATTENDED_COMPLIED"))
                .body();

        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("attendances[1].referralId");
        assertThat(problem.at("/errors/0/rule").asString()).isEqualTo("SessionParticipant");
        assertThat(attendanceOf(session))
                .as("nothing recorded, not even the valid entry")
                .isZero();
        assertThat(api.status(g.get(1))).isEqualTo("ENROLLED");
    }

    @Test
    void allOrNothing_anUnknownReferralAndAParticipantNamedTwiceAreEachNamed() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 1);
        String session = session(api, g.get(0), Duration.ofHours(1));

        JsonNode problem = api.expect(
                        400,
                        "PUT",
                        "/sessions/" + session + "/register",
                        "facilitator",
                        register(
                                g.get(1),
                                "ATTENDED_COMPLIED",
                                java.util.UUID.randomUUID().toString(),
                                "ATTENDED_COMPLIED",
                                g.get(1),
                                "UNACCEPTABLE_ABSENCE"))
                .body();

        assertThat(problem.get("errors")
                        .valueStream()
                        .map(e ->
                                e.get("field").asString() + " " + e.get("rule").asString()))
                .containsExactly("attendances[1].referralId KnownReferral", "attendances[2].referralId UniqueReferral");
        assertThat(attendanceOf(session)).isZero();
    }

    @Test
    void aSessionStillToComeIsAConflict_andNothingIsRecorded() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 1);
        String later = session(api, g.get(0), Duration.ofHours(-2));

        JsonNode problem = api.expect(
                        409,
                        "PUT",
                        "/sessions/" + later + "/register",
                        "facilitator",
                        register(g.get(1), "UNACCEPTABLE_ABSENCE"))
                .body();

        assertThat(problem.get("scheduledAt")).isNotNull();
        assertThat(attendanceOf(later)).isZero();
    }

    @Test
    void repeatingTheSameRegisterChangesNothing_andRecordsNoDuplicateHistory() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 2);
        String session = session(api, g.get(0), Duration.ofHours(1));
        String body = register(g.get(1), "ATTENDED_COMPLIED", g.get(2), "UNACCEPTABLE_ABSENCE");
        JsonNode first = api.expect(200, "PUT", "/sessions/" + session + "/register", "facilitator", body)
                .body();
        int history = historyOf(api, g.get(1));
        clock.advance(Duration.ofMinutes(5));

        JsonNode again = api.expect(200, "PUT", "/sessions/" + session + "/register", "service-manager", body)
                .body();

        assertThat(again).isEqualTo(first);
        assertThat(historyOf(api, g.get(1))).isEqualTo(history);
        assertThat(attendanceOf(session)).isEqualTo(2);
        long created = mongo.count(
                Query.query(Criteria.where("resourceType")
                        .is("attendance")
                        .and("action")
                        .is("CREATE")
                        .and("resourceId")
                        .regex("^" + session)),
                "audit_log");
        assertThat(created).as("the repeat wrote nothing").isEqualTo(2);
    }

    @Test
    void aCorrectionRewritesOnlyTheEntriesThatChanged_andTheCountsFollow() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 2);
        String session = session(api, g.get(0), Duration.ofHours(1));
        JsonNode first = api.expect(
                        200,
                        "PUT",
                        "/sessions/" + session + "/register",
                        "facilitator",
                        register(g.get(1), "ATTENDED_COMPLIED", g.get(2), "UNACCEPTABLE_ABSENCE"))
                .body();
        clock.advance(Duration.ofMinutes(5));

        JsonNode corrected = api.expect(
                        200,
                        "PUT",
                        "/sessions/" + session + "/register",
                        "service-manager",
                        register(g.get(1), "ATTENDED_COMPLIED", g.get(2), "ACCEPTABLE_ABSENCE"))
                .body();

        assertThat(corrected.at("/attendances/0")).as("unchanged").isEqualTo(first.at("/attendances/0"));
        assertThat(corrected.at("/attendances/1/outcome").asString()).isEqualTo("ACCEPTABLE_ABSENCE");
        assertThat(corrected.at("/attendances/1/recordedBy").asString()).isEqualTo("test-service-manager");
        assertThat(corrected.at("/attendances/1/unacceptableAbsences").asInt()).isZero();
        assertThat(attendanceOf(session)).isEqualTo(2);
    }

    @Test
    void concurrentSingleAndWholeRegisterWritesLoseNothing() throws Exception {
        Api api = new Api(mvc);
        List<String> g = groupOf(api, 3);
        List<String> sessions = new ArrayList<>();
        for (int week = 0; week < 3; week++) {
            sessions.add(session(api, g.get(0), Duration.ofDays(21 - 7L * week)));
        }
        // each session's register, and the same participants' single attendances at the other sessions, at once
        List<Callable<Api.Reply>> writes = new ArrayList<>();
        writes.add(() -> api.call(
                "PUT",
                "/sessions/" + sessions.get(0) + "/register",
                "facilitator",
                "fac",
                register(
                        g.get(1),
                        "UNACCEPTABLE_ABSENCE",
                        g.get(2),
                        "ATTENDED_COMPLIED",
                        g.get(3),
                        "ATTENDED_COMPLIED")));
        writes.add(() -> api.call(
                "PUT",
                "/sessions/" + sessions.get(1) + "/register",
                "facilitator",
                "fac",
                register(g.get(1), "UNACCEPTABLE_ABSENCE", g.get(2), "ATTENDED_COMPLIED")));
        writes.add(() -> api.call(
                "PUT",
                "/sessions/" + sessions.get(1) + "/attendance/" + g.get(3),
                "facilitator",
                "fac",
                "{\"outcome\":\"ATTENDED_COMPLIED\"}"));
        writes.add(() -> api.call(
                "PUT",
                "/sessions/" + sessions.get(2) + "/attendance/" + g.get(1),
                "facilitator",
                "fac",
                "{\"outcome\":\"UNACCEPTABLE_ABSENCE\"}"));
        ExecutorService pool = Executors.newFixedThreadPool(writes.size());
        try {
            for (Future<Api.Reply> reply : pool.invokeAll(writes)) {
                assertThat(reply.get().status()).as(reply.get().raw()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sessions.stream().mapToLong(this::attendanceOf).sum())
                .as("3 + 3 + 1 attendances")
                .isEqualTo(7);
        // three unacceptable absences reach Change's threshold of 3, whichever write came last
        assertThat(api.status(g.get(1))).isEqualTo("COMPLIANCE_REVIEW");
        assertThat(api.status(g.get(2))).isEqualTo("ON_PROGRAMME");
        assertThat(api.status(g.get(3))).isEqualTo("ON_PROGRAMME");
    }
}
