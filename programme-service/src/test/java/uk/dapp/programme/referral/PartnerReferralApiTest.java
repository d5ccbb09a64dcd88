package uk.dapp.programme.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.programme.Api;
import uk.dapp.programme.ProgrammeServiceTest;

/**
 * Partners named with a referral: validated, written as one message to partner support in the same
 * insert as the referral, and never shown by any of this service's reads.
 */
@ProgrammeServiceTest
class PartnerReferralApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String referral(String partners) {
        return """
                {"programmeCode":"CHANGE-GROUP","source":"POLICE","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                 "partners":%s}""".formatted(partners);
    }

    @Test
    void theReferralAndItsOneMessageToPartnerSupportAreOneDocumentWrittenByTheRequest() throws Exception {
        Api api = new Api(mvc);
        String current = Api.unique("Casey Synthetic");
        String ex = Api.unique("Robin Synthetic");
        Api.Reply created =
                api.expect(201, "POST", "/referrals", "offender-manager", referral("""
                [{"relationship":"CURRENT_PARTNER","name":" %s ","phone":"07700 900123"},
                 {"relationship":"EX_PARTNER","name":"%s"}]""".formatted(current, ex)));
        String id = created.text("referralId");
        String caseId = created.text("caseId");

        // straight after the call, before any relay pass: the entry is in the referral's own document
        Document raw = mongo.findById(id, Document.class, "referrals");
        List<Document> outbox = raw.getList(OutboxEntry.FIELD, Document.class).stream()
                .filter(d -> !d.getString("type").equals(ReferralHeld.TYPE.name()))
                .toList();
        assertThat(outbox).hasSize(1);
        Document entry = outbox.getFirst();
        assertThat(entry.getString("destination")).isEqualTo("partner-support");
        assertThat(entry.getString("type")).isEqualTo("partner-referral.v1");
        assertThat(entry.getString("caseId")).isEqualTo(caseId);
        Document payload = entry.get("payload", Document.class);
        assertThat(payload.getString("caseId")).isEqualTo(caseId);
        assertThat(payload.getString("referralId")).isEqualTo(id);
        assertThat(payload.getString("programmeCode")).isEqualTo("CHANGE-GROUP");
        assertThat(payload.getString("referredAt"))
                .isEqualTo(raw.getDate("createdAt").toInstant().toString());
        assertThat(payload.getList("partners", Document.class))
                .extracting(d -> Map.copyOf(d))
                .containsExactly(
                        Map.of("relationship", "CURRENT_PARTNER", "name", current, "phone", "07700 900123"),
                        Map.of("relationship", "EX_PARTNER", "name", ex));

        // held for partner support only: nothing this service answers shows them, to any role
        api.partnerTrackOpened(caseId);
        List<String> reads = List.of(
                created.raw(),
                api.expect(200, "GET", "/referrals/" + id, "offender-manager", null)
                        .raw(),
                api.getJson("/cases/" + caseId + "/referrals", "facilitator").toString(),
                api.getJson("/referrals/" + id + "/timeline", "service-manager").toString(),
                api.getJson("/cases/" + caseId + "/programme-status", "partner-support-worker")
                        .toString());
        for (String read : reads) {
            assertThat(read)
                    .doesNotContain(current)
                    .doesNotContain(ex)
                    .doesNotContain("900123")
                    .doesNotContain("partners")
                    .doesNotContain("outbox");
        }
        // nor is any other document of this service holding them
        for (String collection : mongo.getCollectionNames()) {
            if (collection.equals("referrals")) {
                continue;
            }
            for (Document document : mongo.find(new Query(), Document.class, collection)) {
                assertThat(document.toJson())
                        .as(collection)
                        .doesNotContain(current)
                        .doesNotContain(ex);
            }
        }
    }

    @Test
    void aReferralWithoutPartnersOwesPartnerSupportNothing() throws Exception {
        Api api = new Api(mvc);
        String none = api.expect(201, "POST", "/referrals", "facilitator", referral("[]"))
                .text("referralId");
        String absent = api.refer("CHANGE-GROUP", "MALE", false, null, "HIGH");
        for (String id : List.of(none, absent)) {
            assertThat(Owed.besidesHoldings(mongo.findById(id, Referral.class))).isEmpty();
        }
    }

    @Test
    void partnersBreakingARuleAreRefusedByFieldWithoutEchoingThemAndNothingIsStored() throws Exception {
        Api api = new Api(mvc);
        String name = Api.unique("Alex Synthetic");
        long before = mongo.count(new Query(), Referral.class);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"   \"}]", "partners[0].name");
        cases.put("[{\"relationship\":\"CURRENT_PARTNER\",\"name\":\"\"}]", "partners[0].name");
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
        cases.put(
                "[{\"relationship\":\"EX_PARTNER\",\"name\":\"" + name + "\",\"phone\":\"" + "1".repeat(41) + "\"}]",
                "partners[0].phone");
        StringBuilder eleven = new StringBuilder("[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",")
                    .append("{\"relationship\":\"EX_PARTNER\",\"name\":\"P")
                    .append(i)
                    .append("\"}");
        }
        cases.put(eleven.append("]").toString(), "partners");
        cases.forEach((partners, field) -> {
            try {
                Api.Reply reply = api.call("POST", "/referrals", "facilitator", "test-facilitator", referral(partners));
                assertThat(reply.status()).as(partners).isEqualTo(400);
                List<String> fields = reply.body()
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList();
                assertThat(fields).as(partners).contains(field);
                assertThat(reply.raw()).as(partners).doesNotContain(name).doesNotContain("ring the pub");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(mongo.count(new Query(), Referral.class)).isEqualTo(before);
    }
}
