package uk.dapp.riskmatrix.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxQueries;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/** An ENGAGE decision with a programme pathway and its referral message are one write of the routing document. */
@ServiceTest
class EngageReferralOutboxApiTest {

    private static final String OM = "offender-manager";
    private static final LocalDate DOB = LocalDate.of(1979, 3, 14);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxQueries outbox;

    TestApi api;
    String caseId;

    @BeforeEach
    void nominalWithFacts() throws Exception {
        api = new TestApi(mvc);
        api.shippedCatalogue();
        caseId = api.register("Testy", "Referral", DOB, "Outboxshire");
        // the old HIGH incident is outside the 36-month window; the recent MEDIUM one sets the level
        api.addIncident(caseId, TestApi.incident(LocalDate.now().minusMonths(40), "EX-ABH", "VK-O1", "HIGH", true))
                .andExpect(status().isCreated());
        api.addIncident(caseId, TestApi.incident(LocalDate.now().minusMonths(2), "EX-ABH", "VK-O1", "MEDIUM", true))
                .andExpect(status().isCreated());
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendation.pathways[1]").value("CHANGE_PROGRAMME"));
    }

    @Test
    void theDecisionAndItsReferralMessageAreInTheDocumentRightAfterTheCall() throws Exception {
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());

        // no relay pass has run: the entry was written by the decision's own save
        Document routing = routingDocument();
        assertThat(routing.getString("status")).isEqualTo("ENGAGED");
        List<Document> entries = routing.getList(OutboxEntry.FIELD, Document.class);
        assertThat(entries).hasSize(1);
        Document entry = entries.getFirst();
        assertThat(UUID.fromString(entry.getString("messageId"))).isNotNull();
        assertThat(entry.getString("destination")).isEqualTo("programme");
        assertThat(entry.getString("type")).isEqualTo("engage-referral.v1");
        assertThat(entry.getString("caseId")).isEqualTo(caseId);
        Document payload = entry.get("payload", Document.class);
        assertThat(payload.keySet())
                .containsExactlyInAnyOrder(
                        "caseId",
                        "pathway",
                        "riskLevel",
                        "decidedAt",
                        "dateOfBirth",
                        "team",
                        "givenName",
                        "familyName");
        // who he is travels, for the programme's participant (issue 16), with the deciding team
        assertThat(payload.getString("givenName")).isEqualTo("Testy");
        assertThat(payload.getString("team")).isEqualTo(Callers.TEAM);
        assertThat(payload.getString("caseId")).isEqualTo(caseId);
        assertThat(payload.getString("pathway")).isEqualTo("CHANGE_PROGRAMME");
        assertThat(payload.getString("riskLevel")).isEqualTo("MEDIUM");
        assertThat(payload.getString("dateOfBirth")).isEqualTo(DOB.toString());
        assertThat(Instant.parse(payload.getString("decidedAt")))
                .isEqualTo(routing.getDate("decidedAt").toInstant());
        // nothing of his incidents travels: no victim key
        assertThat(payload.toJson()).doesNotContain("VK-O1");

        // a later save of the routing document (new facts) keeps the waiting message
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        assertThat(routingDocument().getList(OutboxEntry.FIELD, Document.class))
                .extracting(e -> e.getString("messageId"))
                .containsExactly(entry.getString("messageId"));
    }

    @Test
    void decisionsWithoutAProgrammeSendNothing() throws Exception {
        api.post(
                        "/nominals/" + caseId + "/routing/decisions",
                        OM,
                        "{\"route\":\"ENGAGE\",\"pathways\":[\"OFFENDER_MANAGEMENT\",\"HOUSING\"],\"reason\":\"no group places\"}")
                .andExpect(status().isOk());
        assertThat(routingDocument().getList(OutboxEntry.FIELD, Document.class)).isEmpty();

        api.post(
                        "/nominals/" + caseId + "/routing/reroutes",
                        OM,
                        "{\"kind\":\"ENGAGEMENT_FAILED\",\"reason\":\"stopped attending\"}")
                .andExpect(status().isOk());
        api.post(
                        "/nominals/" + caseId + "/routing/decisions",
                        OM,
                        "{\"route\":\"CATCH_AND_CONVICT\",\"reason\":\"refused further support\"}")
                .andExpect(status().isOk());
        assertThat(routingDocument().getList(OutboxEntry.FIELD, Document.class)).isEmpty();
    }

    @Test
    void bothProgrammesChosenSendOneMessageEach() throws Exception {
        api.post(
                        "/nominals/" + caseId + "/routing/decisions",
                        OM,
                        "{\"route\":\"ENGAGE\",\"pathways\":[\"DRIVE\",\"CHANGE_PROGRAMME\"],\"reason\":\"Drive casework alongside the group\"}")
                .andExpect(status().isOk());
        assertThat(routingDocument().getList(OutboxEntry.FIELD, Document.class))
                .extracting(e -> e.get("payload", Document.class).getString("pathway"))
                .containsExactly("CHANGE_PROGRAMME", "DRIVE");
    }

    @Test
    void aNewEngageDecisionAfterReRoutingSendsANewMessage() throws Exception {
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        api.post(
                        "/nominals/" + caseId + "/routing/reroutes",
                        OM,
                        "{\"kind\":\"ENGAGEMENT_FAILED\",\"reason\":\"missed every session\"}")
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());

        List<OutboxMessage> sent =
                outbox.messagesOf(caseId, EngageReferral.TYPE, routing().outbox());
        assertThat(sent).hasSize(2);
        assertThat(sent).extracting(OutboxMessage::id).doesNotHaveDuplicates();
        assertThat(sent).extracting(m -> m.payload().get("pathway")).containsOnly("CHANGE_PROGRAMME");
        // newest first: the second decision's message carries the second decision's time
        assertThat(Instant.parse((String) sent.get(0).payload().get("decidedAt")))
                .isAfter(Instant.parse((String) sent.get(1).payload().get("decidedAt")));
    }

    private Document routingDocument() {
        return mongo.findById(caseId, Document.class, Routing.COLLECTION);
    }

    private Routing routing() {
        return mongo.findById(caseId, Routing.class);
    }
}
