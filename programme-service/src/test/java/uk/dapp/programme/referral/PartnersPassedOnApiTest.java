package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * Partners learnt of after a risk-matrix referral (which never names any): passed on to partner
 * support in the referral's own save, shown on its timeline by number only, held nowhere else.
 */
@ProgrammeServiceTest
class PartnersPassedOnApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    /** A referral as the engage-referral receiver opens it from a risk-matrix ENGAGE decision. */
    private String riskMatrixReferral(Api api) throws Exception {
        String messageId = UUID.randomUUID().toString();
        api.expect(
                204,
                "PUT",
                "/case-events/engage-referrals/" + messageId,
                Roles.SVC_RISK_MATRIX,
                "service-account-svc-risk-matrix",
                """
                        {"caseId":"%s","pathway":"DRIVE","riskLevel":"HIGH","decidedAt":"2026-11-20T10:15:30Z",
                         "team":"test-team"}""".formatted(CaseId.generate(new SecureRandom()).value()));
        return messageId;
    }

    /** The entries waiting in a raw referral other than the news of its holding (ADR 0009). */
    private static List<Document> besidesHoldings(Document referral) {
        return referral.getList(OutboxEntry.FIELD, Document.class).stream()
                .filter(e -> !e.getString("type").equals(ReferralHeld.TYPE.name()))
                .toList();
    }

    private static String path(String referralId) {
        return "/referrals/" + referralId + "/partners";
    }

    @Test
    void partnersPassedOnAreOneOutboxEntryInTheReferralRightAfterTheCallAndNowhereElse() throws Exception {
        Api api = new Api(mvc);
        String id = riskMatrixReferral(api);
        Document before = mongo.findById(id, Document.class, "referrals");
        assertThat(besidesHoldings(before)).isEmpty();
        String current = Api.unique("Casey Synthetic");
        String ex = Api.unique("Robin Synthetic");

        Api.Reply reply = api.expect(202, "POST", path(id), "facilitator", """
                {"partners":[{"relationship":"CURRENT_PARTNER","name":" %s ","phone":"07700 900456"},
                             {"relationship":"EX_PARTNER","name":"%s"}]}""".formatted(current, ex));
        assertThat(reply.text("referralId")).isEqualTo(id);
        assertThat(reply.body().get("partnersPassedOn").asInt()).isEqualTo(2);
        assertThat(reply.raw()).doesNotContain(current).doesNotContain(ex).doesNotContain("900456");

        // straight after the call, before any relay pass: one entry in the referral's own document, saved
        // under its version
        Document raw = mongo.findById(id, Document.class, "referrals");
        assertThat(raw.get("version", Number.class).longValue())
                .isGreaterThan(before.get("version", Number.class).longValue());
        Document entry = besidesHoldings(raw).getFirst();
        assertThat(besidesHoldings(raw)).hasSize(1);
        assertThat(entry.getString("destination")).isEqualTo("partner-support");
        assertThat(entry.getString("type")).isEqualTo("partner-referral.v1");
        Document payload = entry.get("payload", Document.class);
        assertThat(payload.getString("caseId")).isEqualTo(raw.getString("caseId"));
        assertThat(payload.getString("referralId")).isEqualTo(id);
        assertThat(payload.getString("programmeCode")).isEqualTo("DRIVE-1TO1");
        assertThat(payload.getString("referredAt"))
                .isEqualTo(raw.getDate("createdAt").toInstant().toString());
        assertThat(payload.getList("partners", Document.class))
                .extracting(d -> Map.copyOf(d))
                .containsExactly(
                        Map.of("relationship", "CURRENT_PARTNER", "name", current, "phone", "07700 900456"),
                        Map.of("relationship", "EX_PARTNER", "name", ex));
        // apart from the entry, the referral keeps only how many were passed on
        Document withoutOutbox = new Document(raw);
        withoutOutbox.remove(OutboxEntry.FIELD);
        assertThat(withoutOutbox.toJson())
                .doesNotContain(current)
                .doesNotContain(ex)
                .doesNotContain("900456");

        // audited as an update of the referral, with nothing of the partners in it
        List<AuditRecord> updates = mongo.find(
                Query.query(Criteria.where("resourceId").is(id).and("action").is(AuditAction.UPDATE)),
                AuditRecord.class);
        assertThat(updates).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("test-facilitator");
            assertThat(a.resourceType()).isEqualTo(ReferralService.RESOURCE);
        });

        // the timeline shows that and how many, never who
        JsonNode timeline = api.getJson("/referrals/" + id + "/timeline", "service-manager");
        assertThat(timeline.valueStream()
                        .filter(e -> e.get("kind").asString().equals("PARTNERS_PASSED_ON"))
                        .toList())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("summary").asString())
                            .isEqualTo("partner details passed on to partner support: 2 partners");
                    assertThat(e.get("by").asString()).isEqualTo("test-facilitator");
                });
        List<String> reads = List.of(
                timeline.toString(),
                api.expect(200, "GET", "/referrals/" + id, "facilitator", null).raw(),
                api.getJson("/cases/" + raw.getString("caseId") + "/referrals", "service-manager")
                        .toString());
        for (String read : reads) {
            assertThat(read)
                    .doesNotContain(current)
                    .doesNotContain(ex)
                    .doesNotContain("900456")
                    .doesNotContain("outbox");
        }
        // nor does any other collection of this service hold them (the audit trail included)
        for (String collection : mongo.getCollectionNames()) {
            if (collection.equals("referrals")) {
                continue;
            }
            for (Document document : mongo.find(new Query(), Document.class, collection)) {
                assertThat(document.toJson())
                        .as(collection)
                        .doesNotContain(current)
                        .doesNotContain(ex)
                        .doesNotContain("900456");
            }
        }
    }

    @Test
    void partnersBreakingARuleAreRefusedByFieldWithoutEchoingThemAndNothingIsOwed() throws Exception {
        Api api = new Api(mvc);
        String id = riskMatrixReferral(api);
        String name = Api.unique("Alex Synthetic");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"   \"}]", "partners[0].name");
        cases.put(
                "[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + name + "\",\"phone\":\"ring the pub\"}]",
                "partners[0].phone");
        cases.put(
                "[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + name + "\"},"
                        + "{\"relationship\":\"EX_PARTNER\",\"name\":\"" + name.toUpperCase() + "\"}]",
                "partners[1]");
        cases.put("[{\"relationship\":\"NEIGHBOUR\",\"name\":\"" + name + "\"}]", "partners[0].relationship");
        cases.put("[{\"name\":\"" + name + "\"}]", "partners[0].relationship");
        cases.put("[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + "x".repeat(101) + "\"}]", "partners[0].name");
        cases.put("[]", "partners");
        StringBuilder eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",")
                    .append("{\"relationship\":\"EX_PARTNER\",\"name\":\"P")
                    .append(i)
                    .append("\"}");
        }
        cases.put(eleven.append("]").toString(), "partners");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Api.Reply reply =
                    api.call("POST", path(id), "facilitator", "test-facilitator", "{\"partners\":" + c.getKey() + "}");
            assertThat(reply.status()).as(c.getKey()).isEqualTo(400);
            assertThat(reply.body()
                            .get("errors")
                            .valueStream()
                            .map(e -> e.get("field").asString())
                            .toList())
                    .as(c.getKey())
                    .contains(c.getValue());
            assertThat(reply.raw()).as(c.getKey()).doesNotContain(name).doesNotContain("ring the pub");
        }
        Api.Reply missing = api.call("POST", path(id), "facilitator", "test-facilitator", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .contains("partners");
        assertThat(Owed.besidesHoldings(mongo.findById(id, Referral.class))).isEmpty();
        assertThat(mongo.findById(id, Referral.class).partnersPassedOn()).isEmpty();
    }

    @Test
    void aReferralThatHasExitedRefusesWith409NamingTheRuleAndAnUnknownOneIs404() throws Exception {
        Api api = new Api(mvc);
        String id = riskMatrixReferral(api);
        api.expect(
                200,
                "POST",
                "/referrals/" + id + "/moves",
                "facilitator",
                "{\"move\":\"withdraw\",\"reason\":\"moved out of the area\"}");
        int owed = mongo.findById(id, Referral.class).outbox().size();
        String name = Api.unique("Jo Synthetic");
        String body = "{\"partners\":[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + name + "\"}]}";

        Api.Reply refused = api.expect(409, "POST", path(id), "service-manager", body);
        assertThat(refused.text("rule")).isEqualTo(Referral.PARTNERS_WHILE_OPEN);
        assertThat(refused.text("currentStatus")).isEqualTo("WITHDRAWN");
        assertThat(refused.raw()).doesNotContain(name);
        assertThat(mongo.findById(id, Referral.class).outbox()).hasSize(owed);

        api.expect(404, "POST", path(UUID.randomUUID().toString()), "facilitator", body);
    }
}
