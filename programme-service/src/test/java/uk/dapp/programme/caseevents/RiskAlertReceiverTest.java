package uk.dapp.programme.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.dapp.programme.caseevents.EngageReferralReceiverTest.concurrently;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.TestDirectory;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertSource;

/** A partner disclosure passed on by partner support: one alert per message, due 24 hours after it arrives. */
@ProgrammeServiceTest
class RiskAlertReceiverTest {

    @Autowired
    TestDirectory directory;

    private static final String SENDER = Roles.SVC_PARTNER_SUPPORT;
    private static final String ACCOUNT = "service-account-svc-partner-support";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    private static String event(String caseId, String level, String category, String disclosedOn) {
        return """
                {"caseId":"%s","level":"%s","category":"%s","disclosedOn":"%s"}""".formatted(caseId, level, category, disclosedOn);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Api.Reply send(String messageId, String body) throws Exception {
        return new Api(mvc).call("PUT", "/case-events/risk-alerts/" + messageId, SENDER, ACCOUNT, body);
    }

    private List<Alert> alertsOf(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Alert.class);
    }

    private static JsonNode find(JsonNode alerts, String alertId) {
        return alerts.valueStream()
                .filter(a -> a.get("alertId").asString().equals(alertId))
                .findFirst()
                .orElse(null);
    }

    @Test
    void aDisclosureRaisesAnAlertOnTheOpenReferralDue24HoursAfterArrivalAndIsReviewedLikeAnyOther() throws Exception {
        Api api = new Api(mvc);
        String referralId = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String caseId = api.getJson("/referrals/" + referralId, "facilitator")
                .get("caseId")
                .asString();
        // disclosed days before it reached us: the clock still starts on arrival
        String disclosedOn = today().minusDays(3).toString();
        String messageId = UUID.randomUUID().toString();
        Instant arrival = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assertThat(send(messageId, event(caseId, "HIGH", "COERCIVE_CONTROL", disclosedOn))
                        .status())
                .isEqualTo(204);

        Alert alert = mongo.findById(messageId, Alert.class);
        assertThat(alert.referralId()).isEqualTo(referralId);
        assertThat(alert.caseId()).isEqualTo(caseId);
        assertThat(alert.source()).isEqualTo(AlertSource.PARTNER_DISCLOSURE);
        assertThat(alert.raisedAt()).isEqualTo(arrival);
        assertThat(alert.reviewDueBy()).isEqualTo(arrival.plus(Duration.ofHours(24)));
        assertThat(alert.raisedBy()).isEqualTo(ACCOUNT);
        assertThat(alert.concern())
                .isEqualTo("partner disclosure: coercive control, risk level HIGH, disclosed on " + disclosedOn);
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is("risk-alert")),
                        AuditRecord.class))
                .singleElement()
                .satisfies(a -> assertThat(a.username()).isEqualTo(ACCOUNT));

        JsonNode timeline = api.getJson("/referrals/" + referralId + "/timeline", "facilitator");
        assertThat(timeline.valueStream()
                        .filter(e -> e.get("kind").asString().equals("ALERT"))
                        .map(e -> e.get("summary").asString()))
                .singleElement()
                .asString()
                .contains("PARTNER_DISCLOSURE", "coercive control", "HIGH");

        clock.advance(Duration.ofHours(24));
        assertThat(find(api.getJson("/alerts/overdue", "service-manager"), messageId))
                .isNull();
        clock.advance(Duration.ofMillis(1));
        JsonNode overdue = find(api.getJson("/alerts/overdue", "facilitator"), messageId);
        assertThat(overdue).isNotNull();
        assertThat(overdue.get("referralId").asString()).isEqualTo(referralId);
        assertThat(overdue.get("source").asString()).isEqualTo("PARTNER_DISCLOSURE");
        assertThat(api.getJson("/referrals/" + referralId, "facilitator")
                        .get("flags")
                        .valueStream()
                        .map(JsonNode::asString))
                .contains("OVERDUE_RISK_ALERT");

        api.expect(403, "POST", "/alerts/" + messageId + "/review", "facilitator", "{\"actionsTaken\":\"x\"}");
        JsonNode reviewed = api.expect(
                        200,
                        "POST",
                        "/alerts/" + messageId + "/review",
                        "service-manager",
                        "{\"actionsTaken\":\"safety plan reviewed with the IDVA\"}")
                .body();
        assertThat(reviewed.get("status").asString()).isEqualTo("REVIEWED");
        assertThat(reviewed.get("overdue").asBoolean()).isTrue();
        assertThat(find(api.getJson("/alerts/overdue", "service-manager"), messageId))
                .isNull();
    }

    @Test
    void theAlertGoesOnTheReferralInProgressRatherThanANewerOneNotYetStarted() throws Exception {
        Api api = new Api(mvc);
        String drive = api.refer("DRIVE-1TO1", "MALE", false, null, "HIGH");
        String caseId =
                api.getJson("/referrals/" + drive, "facilitator").get("caseId").asString();
        api.assess(drive, 5);
        api.enrolOneToOne(drive, directory.newCaseManager());
        api.expect(201, "POST", "/referrals", "facilitator", """
                {"caseId":"%s","programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE"}""".formatted(caseId));
        String messageId = UUID.randomUUID().toString();
        assertThat(send(messageId, event(caseId, "MEDIUM", "THREATS", today().toString()))
                        .status())
                .isEqualTo(204);
        assertThat(mongo.findById(messageId, Alert.class).referralId()).isEqualTo(drive);
    }

    @Test
    void aCaseWithNoOpenReferralKeepsTheAlertWhichIsStillListedWhenLateAndReviewed() throws Exception {
        Api api = new Api(mvc);
        String closed = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        String caseId =
                api.getJson("/referrals/" + closed, "facilitator").get("caseId").asString();
        api.expect(
                200,
                "POST",
                "/referrals/" + closed + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"declined\"}");
        String messageId = UUID.randomUUID().toString();
        assertThat(send(messageId, event(caseId, "HIGH", "PHYSICAL", today().toString()))
                        .status())
                .isEqualTo(204);
        assertThat(mongo.findById(messageId, Alert.class).referralId()).isNull();
        // shown with the case's referrals, saying why it is on none of them
        assertThat(api.getJson("/referrals/" + closed + "/timeline", "facilitator")
                        .valueStream()
                        .filter(e -> e.get("kind").asString().equals("ALERT"))
                        .map(e -> e.get("summary").asString()))
                .singleElement()
                .asString()
                .contains("kept against the case");

        String unknownCase = CaseId.generate(new SecureRandom()).value();
        String other = UUID.randomUUID().toString();
        assertThat(send(other, event(unknownCase, "STANDARD", "OTHER", today().toString()))
                        .status())
                .isEqualTo(204);

        clock.advance(Duration.ofHours(25));
        JsonNode overdue = api.getJson("/alerts/overdue", "service-manager");
        for (String id : List.of(messageId, other)) {
            JsonNode listed = find(overdue, id);
            assertThat(listed).as(id).isNotNull();
            assertThat(listed.has("referralId") && !listed.get("referralId").isNull())
                    .as(id)
                    .isFalse();
        }
        api.expect(
                200, "POST", "/alerts/" + other + "/review", "service-manager", "{\"actionsTaken\":\"police told\"}");
        assertThat(find(api.getJson("/alerts/overdue", "facilitator"), other)).isNull();
    }

    @Test
    void theSameMessageTwiceOrEightTimesAtOnceRaisesOneAlert() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        String body = event(caseId, "HIGH", "STALKING_HARASSMENT", today().toString());
        String first = UUID.randomUUID().toString();
        assertThat(send(first, body).status()).isEqualTo(204);
        Instant due = mongo.findById(first, Alert.class).reviewDueBy();
        clock.advance(Duration.ofMinutes(5));
        assertThat(send(first, body).status()).isEqualTo(204);
        // a repeat does not restart the clock
        assertThat(mongo.findById(first, Alert.class).reviewDueBy()).isEqualTo(due);

        String second = UUID.randomUUID().toString();
        assertThat(concurrently(8, () -> send(second, body).status())).containsOnly(204);
        assertThat(alertsOf(caseId)).extracting(Alert::alertId).containsExactlyInAnyOrder(first, second);
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("action")
                                .is("CREATE")),
                        AuditRecord.class))
                .isEqualTo(2);
    }

    @Test
    void badBodiesAreAnswered400ProblemJsonNamingTheFieldAndNothingIsStored() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        String today = today().toString();
        List<String[]> bad = List.of(
                new String[] {event(caseId, "HIGH", "GOSSIP", today), "category"},
                new String[] {event(caseId, "SEVERE", "PHYSICAL", today), "level"},
                new String[] {event(caseId, "HIGH", "PHYSICAL", "last week"), "disclosedOn"},
                new String[] {
                    event(caseId, "HIGH", "PHYSICAL", today().plusDays(2).toString()), "disclosedOn"
                },
                new String[] {event("7KQM4X-ZP9RTD-2HBWJ6", "HIGH", "PHYSICAL", today), "caseId"},
                new String[] {
                    "{\"caseId\":\"" + caseId + "\",\"category\":\"PHYSICAL\",\"disclosedOn\":\"" + today + "\"}",
                    "level"
                });
        for (String[] c : bad) {
            Api.Reply reply = send(UUID.randomUUID().toString(), c[0]);
            assertThat(reply.status()).as(c[0]).isEqualTo(400);
            assertThat(reply.body()
                            .get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .as(c[0])
                    .contains(c[1]);
        }
        assertThat(send(
                                UUID.randomUUID().toString(),
                                event(
                                        caseId,
                                        "HIGH",
                                        "PHYSICAL",
                                        today().plusDays(1).toString()))
                        .status())
                .as("a day's grace")
                .isEqualTo(204);
        assertThat(alertsOf(caseId)).hasSize(1);
    }

    @Test
    void onlyThePartnerSupportServiceAccountMaySendIt() throws Exception {
        String caseId = CaseId.generate(new SecureRandom()).value();
        for (String role : Roles.EVERY_CALLER) {
            if (role.equals(SENDER)) {
                continue;
            }
            var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                    "/case-events/risk-alerts/" + UUID.randomUUID())
                            .with(uk.dapp.platform.testsupport.Callers.as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(event(caseId, "HIGH", "PHYSICAL", today().toString())))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(role).isEqualTo(403);
            assertThat(response.getContentType()).as(role).contains("application/problem+json");
        }
        assertThat(alertsOf(caseId)).isEmpty();
    }
}
