package uk.dapp.programme.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.notification.Notification;
import uk.dapp.platform.outbox.OutboxRelay;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.referral.Owed;
import uk.dapp.programme.referral.Referral;

/**
 * The programme's notifications (issue 16 item 8, ADR 0016): raised in the same write as the event,
 * delivered once into the inbox, read by the people they are for (by name, or by role in the team),
 * each marking them read for themselves; never about anything but the case and what to do.
 */
@ProgrammeServiceTest
class ProgrammeInboxApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Test
    void anAlertTellsTheTeamsServiceManagersEachReadingItForThemselves() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("DRIVE-1TO1", null, false, null, "HIGH");
        String alertId = api.expect(
                        201,
                        "POST",
                        "/referrals/" + referralId + "/alerts",
                        "facilitator",
                        "{\"concern\":\"he followed her home\"}")
                .text("alertId");
        relay.runOnce();
        relay.runOnce();
        assertThat(mongo.find(Query.query(Criteria.where("subjectId").is(alertId)), Notification.class))
                .as("delivered once however often the relay runs")
                .hasSize(1);

        String one = Api.unique("sm");
        String two = Api.unique("sm");
        JsonNode first = notice(api, "service-manager", one, alertId);
        assertThat(first.get("kind").asString()).isEqualTo("RISK_ALERT_RAISED");
        assertThat(first.get("whatToDo").asString()).contains("24 hours");
        assertThat(first.get("read").asBoolean()).isFalse();
        assertThat(first.toString()).doesNotContain("followed her home");
        long unreadBefore = unread(api, one);

        String id = first.get("notificationId").asString();
        JsonNode read = api.expect(200, "PUT", "/notifications/" + id + "/read", "service-manager", one, null)
                .body();
        assertThat(read.get("read").asBoolean()).isTrue();
        String readAt = read.get("readAt").asString();
        assertThat(api.expect(200, "PUT", "/notifications/" + id + "/read", "service-manager", one, null)
                        .body()
                        .get("readAt")
                        .asString())
                .as("marking it again changes nothing")
                .isEqualTo(readAt);
        assertThat(unread(api, one)).isEqualTo(unreadBefore - 1);
        assertThat(notice(api, "service-manager", two, alertId).get("read").asBoolean())
                .as("the other service manager has not read it")
                .isFalse();
        assertThat(api.expect(200, "GET", "/notifications?unreadOnly=true&size=100", "service-manager", one, null)
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("notificationId").asString()))
                .doesNotContain(id);

        // not a facilitator's, nor another team's service manager's
        assertThat(ids(api.expect(200, "GET", "/notifications?size=100", "facilitator", null)
                        .body()))
                .doesNotContain(id);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/notifications/" + id + "/read")
                        .with(Callers.ofOtherTeam("service-manager")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isNotFound());

        assertThat(mongo.find(
                        Query.query(Criteria.where("username")
                                .is(one)
                                .and("resourceType")
                                .is("notification")
                                .and("resourceId")
                                .is(id)),
                        AuditRecord.class))
                .extracting(AuditRecord::action)
                .contains(uk.dapp.platform.audit.AuditAction.UPDATE);
    }

    @Test
    void aReferralFoundNotSuitableTellsWhoeverReferredInTheSameWriteAsTheMove() throws Exception {
        Api api = new Api(mvc);
        String referrer = Api.unique("referrer");
        String id = api.expect(201, "POST", "/referrals", "facilitator", referrer, """
                {"programmeCode":"DRIVE-1TO1","source":"POLICE","mandated":false,"riskLevel":"HIGH"}""")
                .text("referralId");
        api.expect(201, "POST", "/referrals/" + id + "/assessments", "facilitator", """
                {"motivation":1,"accountability":1,"awareness":1,"mentalHealth":"UNMANAGED",
                 "substanceMisuse":"UNMANAGED","riskPosed":"HIGH","groupWorkSuitable":false}""");
        assertThat(api.status(id)).isEqualTo("NOT_SUITABLE");
        Referral stored = mongo.findById(id, Referral.class);
        assertThat(Owed.notices(stored))
                .singleElement()
                .satisfies(entry -> assertThat(entry.payload()).containsEntry("kind", "REFERRAL_NOT_SUITABLE"));
        relay.runOnce();
        assertThat(api.expect(200, "GET", "/notifications", "facilitator", referrer, null)
                        .body()
                        .get("items")
                        .valueStream()
                        .map(n -> n.get("kind").asString() + ":"
                                + n.get("subjectId").asString())
                        .toList())
                .containsExactly("REFERRAL_NOT_SUITABLE:" + id);
    }

    @Test
    void theCallerIsReadFromTheirToken() throws Exception {
        JsonNode me = Api.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                "/me")
                        .with(Callers.as(
                                "facilitator", "me-test", List.of("south", "north"), List.of("Westfold", "Midwick"))))
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(me.get("username").asString()).isEqualTo("me-test");
        assertThat(me.get("teams").valueStream().map(JsonNode::asString).toList())
                .containsExactly("north", "south");
        assertThat(me.get("areas").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Midwick", "Westfold");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("facilitator");
    }

    private static JsonNode notice(Api api, String role, String user, String subjectId) throws Exception {
        return api.expect(200, "GET", "/notifications?size=100", role, user, null)
                .body()
                .get("items")
                .valueStream()
                .filter(n -> n.get("subjectId").asString().equals(subjectId))
                .findFirst()
                .orElseThrow();
    }

    private static long unread(Api api, String user) throws Exception {
        return api.expect(200, "GET", "/notifications/unread-count", "service-manager", user, null)
                .body()
                .get("unread")
                .asLong();
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items")
                .valueStream()
                .map(n -> n.get("notificationId").asString())
                .toList();
    }
}
