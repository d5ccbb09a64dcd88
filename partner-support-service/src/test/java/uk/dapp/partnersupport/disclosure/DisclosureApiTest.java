package uk.dapp.partnersupport.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class DisclosureApiTest {

    private static final String ACCOUNT = "He turned up at the school gates and shouted at me";
    private static final String LOCATION = "Larkspur Primary School";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aDisclosureIsKeptInFullAndRaisesAPendingAlertCarryingOnlyCaseLevelCategoryAndDate() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        LocalDate on = LocalDate.now().minusDays(1);
        String disclosureId = json(send(
                                mvc,
                                post("/partner-tracks/" + trackId + "/disclosures"),
                                "{\"disclosedOn\":\"" + on
                                        + "\",\"category\":\"STALKING_HARASSMENT\",\"riskLevel\":\"HIGH\","
                                        + "\"account\":\"" + ACCOUNT + "\",\"location\":\"" + LOCATION + "\"}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.account").value(ACCOUNT))
                        .andExpect(jsonPath("$.location").value(LOCATION)))
                .get("disclosureId")
                .asString();

        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].alertId").value(disclosureId))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].level").value("HIGH"))
                .andExpect(jsonPath("$[0].category").value("STALKING_HARASSMENT"))
                .andExpect(jsonPath("$[0].date").value(on.toString()))
                .andExpect(jsonPath("$[0].attempts").value(0));

        // one insert: the alert is an entry inside the disclosure document, there before any relay pass
        Document raw = mongo.getCollection(Disclosure.COLLECTION)
                .find(Filters.eq("_id", disclosureId))
                .first();
        assertThat(raw).isNotNull();
        List<Document> entries = raw.getList(OutboxEntry.FIELD, Document.class);
        assertThat(entries).hasSize(1);
        Document entry = entries.getFirst();
        assertThat(entry.getString("messageId")).isEqualTo(disclosureId);
        assertThat(entry.getString("destination")).isEqualTo("programme");
        assertThat(entry.getString("type")).isEqualTo("risk-alert.v1");
        assertThat(entry.getString("caseId")).isEqualTo(caseId);
        Document payload = entry.get("payload", Document.class);
        assertThat(payload.keySet()).containsExactlyInAnyOrder("caseId", "level", "category", "disclosedOn");
        assertThat(payload)
                .containsEntry("caseId", caseId)
                .containsEntry("level", "HIGH")
                .containsEntry("category", "STALKING_HARASSMENT")
                .containsEntry("disclosedOn", on.toString());
        assertThat(entry.toJson())
                .doesNotContain("school")
                .doesNotContain("Larkspur")
                .doesNotContain(trackId)
                .doesNotContain("Anon Partner");
        assertThat(mongo.getCollection(OutboxMessage.COLLECTION).countDocuments(Filters.eq("_id", disclosureId)))
                .isZero();

        mvc.perform(get("/partner-tracks/" + trackId + "/disclosures").with(as("partner-support-worker")))
                .andExpect(jsonPath("$[0].account").value(ACCOUNT));
    }

    @Test
    void aBlankAccountIsRefusedAndRaisesNoAlert() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/disclosures"),
                        "{\"disclosedOn\":\"" + LocalDate.now()
                                + "\",\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("account"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/disclosures"),
                        "{\"disclosedOn\":\"" + LocalDate.now()
                                + "\",\"category\":\"GOSSIP\",\"riskLevel\":\"HIGH\",\"account\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
