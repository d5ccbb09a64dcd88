package uk.dapp.programme.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.programme.mywork.TeamDesk.field;
import static uk.dapp.programme.mywork.TeamDesk.items;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;

/**
 * A facilitator's and a service manager's work in one call (issue 16 items 3 and 4): each list of
 * their teams only, what is due first, overdue first; every case served audited with its list's name.
 */
@ProgrammeServiceTest
class ProgrammeWorkApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MovableClock clock;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestDirectory directory;

    @Test
    void aFacilitatorsDayHasTheirCaseloadWithNamesSessionsAssessmentsReviewsAndAlertsOverdueFirst() throws Exception {
        TeamDesk desk = new TeamDesk(mvc, directory);
        JsonNode waiting = desk.refer("DRIVE-1TO1", "Waity");
        JsonNode onCaseload = desk.refer("DRIVE-1TO1", "Casey");
        String referralId = onCaseload.get("referralId").asString();
        desk.assessSuitable(referralId);
        desk.enrolOneToOne(referralId, desk.facilitator);
        JsonNode session = desk.expect(
                201,
                "POST",
                "/sessions",
                "facilitator",
                desk.facilitator,
                "{\"referralId\":\"" + referralId + "\",\"scheduledAt\":\""
                        + WorkOrder.weekEnd(clock.instant()).minus(Duration.ofMinutes(1)) + "\"}");
        desk.expect(
                201,
                "POST",
                "/referrals/" + referralId + "/alerts",
                "facilitator",
                desk.facilitator,
                "{\"concern\":\"threats in the waiting room\"}");

        // the counts alone, as the start page asks for them: no case served, none recorded as read
        List<String> cases = List.of(
                waiting.get("caseId").asString(), onCaseload.get("caseId").asString());
        Query searchesOfTheseCases = Query.query(
                Criteria.where("caseId").in(cases).and("action").is(uk.dapp.platform.audit.AuditAction.SEARCH));
        long searchedBefore = mongo.count(searchesOfTheseCases, AuditRecord.class);
        JsonNode counts = desk.expect(200, "GET", "/my-work?limit=0", "facilitator", desk.facilitator, null);
        assertThat(counts.get("caseload").get("total").asInt()).isEqualTo(1);
        assertThat(counts.get("caseload").get("items")).isEmpty();
        assertThat(counts.get("alerts").get("total").asInt()).isEqualTo(1);
        assertThat(counts.toString()).doesNotContain(cases.get(0)).doesNotContain(cases.get(1));
        assertThat(mongo.count(searchesOfTheseCases, AuditRecord.class)).isEqualTo(searchedBefore);

        JsonNode work = desk.work("facilitator", desk.facilitator);

        assertThat(field(work.get("caseload"), "referralId")).containsExactly(referralId);
        JsonNode mine = items(work.get("caseload")).get(0);
        assertThat(mine.get("givenName").asString()).isEqualTo("Casey");
        assertThat(mine.get("familyName").asString()).isEqualTo("McExample");
        assertThat(mine.get("nextContactAt").asString()).isNotBlank();
        assertThat(mine.get("openAlerts").asInt()).isEqualTo(1);
        assertThat(field(work.get("sessionsThisWeek"), "sessionId"))
                .containsExactly(session.get("sessionId").asString());
        assertThat(items(work.get("sessionsThisWeek"))
                        .get(0)
                        .get("participants")
                        .asInt())
                .isEqualTo(1);
        assertThat(items(work.get("sessionsThisWeek")).get(0).get("marked").asInt())
                .isZero();
        assertThat(field(work.get("awaitingAssessment"), "referralId"))
                .containsExactly(waiting.get("referralId").asString());
        assertThat(items(work.get("awaitingAssessment")).get(0).get("givenName").asString())
                .isEqualTo("Waity");
        assertThat(work.get("reviews").get("total").asInt()).isZero();
        assertThat(field(work.get("alerts"), "caseId"))
                .containsExactly(onCaseload.get("caseId").asString());
        assertThat(work.path("alertsToReview").isNull()
                        || work.path("alertsToReview").isMissingNode())
                .as("a service manager's lists")
                .isTrue();

        // a review falls due within the week, then overdue; an alert past its 24 hours goes first
        clock.advance(Duration.ofDays(27));
        JsonNode later = desk.work("facilitator", desk.facilitator);
        assertThat(later.get("reviews").get("total").asInt()).isEqualTo(1);
        assertThat(later.get("reviews").get("overdue").asInt()).isZero();
        assertThat(later.get("alerts").get("overdue").asInt()).isEqualTo(1);
        clock.advance(Duration.ofDays(5));
        assertThat(desk.work("facilitator", desk.facilitator)
                        .get("reviews")
                        .get("overdue")
                        .asInt())
                .isEqualTo(1);

        // the caller's own: another facilitator of the team has no caseload, but the same queue
        JsonNode theirs = desk.work("facilitator", desk.otherFacilitator);
        assertThat(theirs.get("caseload").get("total").asInt()).isZero();
        assertThat(field(theirs.get("awaitingAssessment"), "referralId"))
                .containsExactly(waiting.get("referralId").asString());
        // another team sees none of it
        JsonNode outside =
                desk.expect(200, "GET", "/my-work", "facilitator", desk.facilitator, "other-" + desk.team, null);
        assertThat(field(outside.get("awaitingAssessment"), "caseId"))
                .doesNotContain(waiting.get("caseId").asString());

        List<AuditRecord> audited = mongo.find(
                Query.query(Criteria.where("username")
                        .is(desk.facilitator)
                        .and("resourceType")
                        .is("my-work")
                        .and("caseId")
                        .is(onCaseload.get("caseId").asString())),
                AuditRecord.class);
        assertThat(audited).extracting(AuditRecord::query).contains("caseload", "alerts");
    }

    @Test
    void theAssessmentQueueIsTheTeamsLongestWaitingFirstAPageAtATime() throws Exception {
        TeamDesk desk = new TeamDesk(mvc, directory);
        String first = desk.refer("DRIVE-1TO1", "First").get("referralId").asString();
        clock.advance(Duration.ofMinutes(1));
        String second = desk.refer("DRIVE-1TO1", "Second").get("referralId").asString();
        JsonNode page =
                desk.expect(200, "GET", "/referrals/awaiting-assessment?size=1", "facilitator", desk.facilitator, null);
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(field(page, "referralId")).containsExactly(first);
        assertThat(field(
                        desk.expect(
                                200,
                                "GET",
                                "/referrals/awaiting-assessment?size=1&page=1",
                                "facilitator",
                                desk.facilitator,
                                null),
                        "referralId"))
                .containsExactly(second);
        desk.assessSuitable(first);
        assertThat(field(
                        desk.expect(
                                200, "GET", "/referrals/awaiting-assessment", "service-manager", desk.manager, null),
                        "referralId"))
                .containsExactly(second);
    }

    @Test
    void aServiceManagerAlsoHasTheAlertsToReviewWithTheirClocksEscalationsGroupsAndEachFacilitatorsCaseload()
            throws Exception {
        TeamDesk desk = new TeamDesk(mvc, directory);
        String referralId = desk.refer("DRIVE-1TO1", "Oneto").get("referralId").asString();
        desk.assessSuitable(referralId);
        desk.enrolOneToOne(referralId, desk.otherFacilitator);
        String groupId = desk.group("CHANGE-GROUP", 1, desk.facilitator);
        for (String name : List.of("Placed", "Waiting")) {
            String member = desk.refer("CHANGE-GROUP", name).get("referralId").asString();
            desk.assessSuitable(member);
            desk.expect(
                    200,
                    "POST",
                    "/referrals/" + member + "/enrolment",
                    "facilitator",
                    desk.facilitator,
                    "{\"groupId\":\"" + groupId + "\"}");
        }
        JsonNode alert = desk.expect(
                201,
                "POST",
                "/referrals/" + referralId + "/alerts",
                "facilitator",
                desk.facilitator,
                "{\"concern\":\"partner frightened\"}");

        JsonNode work = desk.work("service-manager", desk.manager);
        JsonNode toReview = items(work.get("alertsToReview")).stream()
                .filter(a ->
                        a.get("alertId").asString().equals(alert.get("alertId").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(toReview.get("minutesLeft").asLong()).isBetween(24 * 60 - 1L, 24 * 60L);
        // not escalated within its 24 hours (alerts on cases no team holds, from other tests, may be)
        assertThat(items(work.get("escalations")))
                .noneMatch(a ->
                        a.get("alertId").asString().equals(alert.get("alertId").asString()));
        JsonNode group = items(work.get("groups")).get(0);
        assertThat(group.get("groupId").asString()).isEqualTo(groupId);
        assertThat(group.get("freePlaces").asInt()).isZero();
        assertThat(group.get("waiting").asInt()).isEqualTo(1);
        assertThat(items(work.get("facilitatorCaseloads")))
                .extracting(f -> f.get("facilitator").asString() + ":"
                        + f.get("oneToOne").asInt() + "/" + f.get("inGroups").asInt())
                .containsExactly(desk.facilitator + ":0/2", desk.otherFacilitator + ":1/0");

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        JsonNode late = desk.work("service-manager", desk.manager);
        assertThat(late.get("alertsToReview").get("overdue").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(items(late.get("alertsToReview")).stream()
                        .filter(a -> a.get("alertId")
                                .asString()
                                .equals(alert.get("alertId").asString()))
                        .findFirst()
                        .orElseThrow()
                        .get("minutesLeft")
                        .asLong())
                .isNegative();
        Instant asOf = Instant.parse(late.get("asOf").asString());
        assertThat(asOf).isEqualTo(clock.instant());
    }
}
