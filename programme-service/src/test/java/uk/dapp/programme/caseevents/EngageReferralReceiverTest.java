package uk.dapp.programme.caseevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.MovableClock;
import uk.dapp.programme.ProgrammeServiceTest;
import uk.dapp.programme.referral.EngageDecision;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralSource;
import uk.dapp.programme.referral.ReferralStatus;

/** A risk-matrix ENGAGE decision arriving from its outbox: one referral per message, however often it comes. */
@ProgrammeServiceTest
class EngageReferralReceiverTest {

    private static final String SENDER = Roles.SVC_RISK_MATRIX;
    private static final String ACCOUNT = "service-account-svc-risk-matrix";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MovableClock clock;

    private static String newCase() {
        return CaseId.generate(new SecureRandom()).value();
    }

    private static String event(String caseId, String pathway, String risk, String extra) {
        return """
                {"caseId":"%s","pathway":"%s","riskLevel":"%s","decidedAt":"2026-11-20T10:15:30Z",
                 "team":"%s"%s}""".formatted(caseId, pathway, risk, Callers.TEAM, extra);
    }

    private Api.Reply send(String messageId, String body) throws Exception {
        return new Api(mvc).call("PUT", "/case-events/engage-referrals/" + messageId, SENDER, ACCOUNT, body);
    }

    private List<Referral> referralsOf(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Referral.class);
    }

    @Test
    void aDecisionOpensAVoluntaryRiskMatrixReferralUnderTheCaseIdWithTheMessageIdAsItsId() throws Exception {
        String caseId = newCase();
        String messageId = UUID.randomUUID().toString();
        assertThat(send(messageId, event(caseId, "DRIVE", "HIGH", "")).status()).isEqualTo(204);

        Referral referral = mongo.findById(messageId, Referral.class);
        assertThat(referral).isNotNull();
        assertThat(referral.caseId()).isEqualTo(caseId);
        assertThat(referral.programmeCode()).isEqualTo("DRIVE-1TO1");
        assertThat(referral.source()).isEqualTo(ReferralSource.RISK_MATRIX);
        assertThat(referral.mandated()).isFalse();
        assertThat(referral.riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(referral.status()).isEqualTo(ReferralStatus.REFERRED);
        assertThat(referral.referredBy()).isEqualTo(ACCOUNT);
        assertThat(referral.createdAt()).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(referral.history().getFirst().reason()).contains("ENGAGE decision of 2026-11-20T10:15:30Z");
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.action()).isEqualTo(AuditAction.CREATE);
                    assertThat(a.username()).isEqualTo(ACCOUNT);
                    assertThat(a.resourceId()).isEqualTo(messageId);
                });

        // the facilitators see it like any other referral
        JsonNode listed = new Api(mvc).getJson("/cases/" + caseId + "/referrals", "facilitator");
        assertThat(listed.get(0).get("source").asString()).isEqualTo("RISK_MATRIX");
    }

    @Test
    void theChangePathwayGoesToTheChangeLikeProgrammeAndAnUnknownSexIsNotRequired() throws Exception {
        String caseId = newCase();
        String messageId = UUID.randomUUID().toString();
        assertThat(send(messageId, event(caseId, "CHANGE_PROGRAMME", "MEDIUM", ""))
                        .status())
                .isEqualTo(204);
        Referral referral = mongo.findById(messageId, Referral.class);
        assertThat(referral.programmeCode()).isEqualTo("CHANGE-GROUP");
        assertThat(referral.sex()).isNull();

        String withFacts = UUID.randomUUID().toString();
        String other = newCase();
        assertThat(send(
                                withFacts,
                                event(
                                        other,
                                        "CHANGE_PROGRAMME",
                                        "HIGH",
                                        ",\"sex\":\"MALE\",\"dateOfBirth\":\"1990-04-01\""))
                        .status())
                .isEqualTo(204);
        assertThat(mongo.findById(withFacts, Referral.class).dateOfBirth()).hasToString("1990-04-01");
    }

    @Test
    void theSameMessageTwiceOpensOneReferralAndAnswersTheSame() throws Exception {
        String caseId = newCase();
        String messageId = UUID.randomUUID().toString();
        String body = event(caseId, "DRIVE", "HIGH", "");
        assertThat(send(messageId, body).status()).isEqualTo(204);
        assertThat(send(messageId, body).status()).isEqualTo(204);
        // even after the referral closed, the old message opens nothing new
        new Api(mvc)
                .expect(
                        200,
                        "POST",
                        "/referrals/" + messageId + "/moves",
                        "facilitator",
                        "{\"move\":\"withdraw\",\"reason\":\"declined\"}");
        assertThat(send(messageId, body).status()).isEqualTo(204);
        assertThat(referralsOf(caseId))
                .singleElement()
                .extracting(Referral::referralId)
                .isEqualTo(messageId);
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("action")
                                .is("CREATE")),
                        AuditRecord.class))
                .isEqualTo(1);
    }

    @Test
    void eightConcurrentCopiesOfOneMessageOpenOneReferral() throws Exception {
        String caseId = newCase();
        String messageId = UUID.randomUUID().toString();
        String body = event(caseId, "CHANGE_PROGRAMME", "HIGH", ",\"sex\":\"MALE\"");
        assertThat(concurrently(8, () -> send(messageId, body).status())).containsOnly(204);
        assertThat(referralsOf(caseId))
                .singleElement()
                .extracting(Referral::referralId)
                .isEqualTo(messageId);
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), EngageDecision.class))
                .isZero();
    }

    @Test
    void aDecisionForACaseWithAnOpenReferralToTheProgrammeIsRecordedOnItOnceAndOpensNoOther() throws Exception {
        Api api = new Api(mvc);
        String existing = api.refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        String caseId = api.getJson("/referrals/" + existing, "facilitator")
                .get("caseId")
                .asString();

        String messageId = UUID.randomUUID().toString();
        String body = event(caseId, "CHANGE_PROGRAMME", "HIGH", "");
        assertThat(send(messageId, body).status()).isEqualTo(204);
        assertThat(send(messageId, body).status()).isEqualTo(204);
        String concurrent = UUID.randomUUID().toString();
        assertThat(concurrently(8, () -> send(concurrent, body).status())).containsOnly(204);

        assertThat(referralsOf(caseId))
                .singleElement()
                .extracting(Referral::referralId)
                .isEqualTo(existing);
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), EngageDecision.class))
                .extracting(EngageDecision::messageId)
                .containsExactlyInAnyOrder(messageId, concurrent);
        JsonNode timeline = api.getJson("/referrals/" + existing + "/timeline", "facilitator");
        List<JsonNode> decisions = timeline.valueStream()
                .filter(e -> e.get("kind").asString().equals("ENGAGE_DECISION"))
                .toList();
        assertThat(decisions).hasSize(2);
        assertThat(decisions.getFirst().get("summary").asString()).contains("risk level HIGH", "CHANGE_PROGRAMME");
        assertThat(decisions.getFirst().get("by").asString()).isEqualTo(ACCOUNT);
        // the referral's own record is untouched: its risk level and history are the facilitator's
        JsonNode referral = api.getJson("/referrals/" + existing, "facilitator");
        assertThat(referral.get("riskLevel").asString()).isEqualTo("MEDIUM");
        assertThat(referral.get("history").size()).isEqualTo(1);
        assertThat(mongo.find(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("resourceType")
                                .is("engage-decision")),
                        AuditRecord.class))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.username()).isEqualTo(ACCOUNT));

        // once that referral is closed, a new decision opens a new referral
        api.expect(
                200,
                "POST",
                "/referrals/" + existing + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"moved area\"}");
        String later = UUID.randomUUID().toString();
        assertThat(send(later, body).status()).isEqualTo(204);
        assertThat(referralsOf(caseId)).extracting(Referral::referralId).containsExactlyInAnyOrder(existing, later);
    }

    @Test
    void aPersonTheProgrammeRefusesIsAnswered400NamingTheFieldAndNothingIsStored() throws Exception {
        String caseId = newCase();
        List<String[]> refused = List.of(
                new String[] {event(caseId, "DRIVE", "MEDIUM", ""), "riskLevel", "Eligibility"},
                new String[] {event(caseId, "CHANGE_PROGRAMME", "HIGH", ",\"sex\":\"FEMALE\""), "sex", "Eligibility"},
                new String[] {
                    event(caseId, "DRIVE", "HIGH", ",\"dateOfBirth\":\"2015-02-03\""), "dateOfBirth", "MinimumAge"
                });
        for (String[] c : refused) {
            Api.Reply reply = send(UUID.randomUUID().toString(), c[0]);
            assertThat(reply.status()).as(c[1]).isEqualTo(400);
            assertThat(reply.body().get("errors").get(0).get("field").asString())
                    .isEqualTo(c[1]);
            assertThat(reply.body().get("errors").get(0).get("rule").asString()).isEqualTo(c[2]);
        }
        assertThat(referralsOf(caseId)).isEmpty();
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isZero();
    }

    @Test
    void badBodiesAreAnswered400ProblemJsonNamingTheField() throws Exception {
        String caseId = newCase();
        String mistyped = "7KQM4X-ZP9RTD-2HBWJ6"; // the check character does not match
        List<String[]> bad = List.of(
                new String[] {
                    "{\"pathway\":\"DRIVE\",\"riskLevel\":\"HIGH\",\"decidedAt\":\"2026-11-20T10:15:30Z\"}", "caseId"
                },
                new String[] {event(mistyped, "DRIVE", "HIGH", ""), "caseId"},
                new String[] {event(caseId, "GPS_TAG", "HIGH", ""), "pathway"},
                new String[] {event(caseId, "DRIVE", "EXTREME", ""), "riskLevel"},
                new String[] {
                    event(caseId, "DRIVE", "HIGH", "").replace("2026-11-20T10:15:30Z", "yesterday"), "decidedAt"
                },
                new String[] {
                    "{\"caseId\":\"" + caseId + "\",\"pathway\":\"DRIVE\",\"riskLevel\":\"HIGH\"}", "decidedAt"
                });
        for (String[] c : bad) {
            Api.Reply reply = send(UUID.randomUUID().toString(), c[0]);
            assertThat(reply.status()).as(c[0]).isEqualTo(400);
            assertThat(reply.raw()).as(c[0]).contains("\"errors\"");
            assertThat(reply.body()
                            .get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString()))
                    .as(c[0])
                    .contains(c[1]);
        }
        Api.Reply notAUuid = send("not-a-uuid", event(caseId, "DRIVE", "HIGH", ""));
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.body().get("errors").get(0).get("field").asString()).isEqualTo("messageId");
        assertThat(referralsOf(caseId)).isEmpty();
    }

    @Test
    void onlyTheRiskMatrixServiceAccountMaySendIt() throws Exception {
        String caseId = newCase();
        for (String role : Roles.EVERY_CALLER) {
            if (role.equals(SENDER)) {
                continue;
            }
            var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                    "/case-events/engage-referrals/" + UUID.randomUUID())
                            .with(uk.dapp.platform.testsupport.Callers.as(role))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(event(caseId, "DRIVE", "HIGH", "")))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(role).isEqualTo(403);
            assertThat(response.getContentType()).as(role).contains("application/problem+json");
        }
        assertThat(referralsOf(caseId)).isEmpty();
    }

    static <T> List<T> concurrently(int copies, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < copies; i++) {
                calls.add(() -> {
                    start.await();
                    return call.call();
                });
            }
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
