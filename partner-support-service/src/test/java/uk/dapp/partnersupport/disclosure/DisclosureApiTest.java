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
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
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
        String disclosureId = json(send(mvc, post("/partner-tracks/" + trackId + "/disclosures"),
                "{\"disclosedOn\":\"" + on + "\",\"category\":\"STALKING_HARASSMENT\",\"riskLevel\":\"HIGH\","
                        + "\"account\":\"" + ACCOUNT + "\",\"location\":\"" + LOCATION + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account").value(ACCOUNT))
                .andExpect(jsonPath("$.location").value(LOCATION))).get("disclosureId").asString();

        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].alertId").value(disclosureId))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].level").value("HIGH"))
                .andExpect(jsonPath("$[0].category").value("STALKING_HARASSMENT"))
                .andExpect(jsonPath("$[0].date").value(on.toString()))
                .andExpect(jsonPath("$[0].attempts").value(0));

        Document outbox = mongo.getCollection(OutboxMessage.COLLECTION).find(Filters.eq("_id", disclosureId)).first();
        assertThat(outbox).isNotNull();
        assertThat(outbox.keySet()).contains("_id", "type", "caseId", "payload", "createdAt", "status", "attempts");
        assertThat(outbox.getString("status")).isEqualTo("PENDING");
        assertThat(outbox.get("payload", Document.class).keySet())
                .containsExactlyInAnyOrder("caseId", "level", "category", "date");
        assertThat(outbox.toJson()).doesNotContain("school").doesNotContain("Larkspur").doesNotContain(trackId)
                .doesNotContain("Anon Partner");

        mvc.perform(get("/partner-tracks/" + trackId + "/disclosures").with(as("partner-support-worker")))
                .andExpect(jsonPath("$[0].account").value(ACCOUNT));
    }

    @Test
    void aBlankAccountIsRefusedAndRaisesNoAlert() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        send(mvc, post("/partner-tracks/" + trackId + "/disclosures"),
                "{\"disclosedOn\":\"" + LocalDate.now() + "\",\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\"  \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("account"));
        send(mvc, post("/partner-tracks/" + trackId + "/disclosures"),
                "{\"disclosedOn\":\"" + LocalDate.now() + "\",\"category\":\"GOSSIP\",\"riskLevel\":\"HIGH\",\"account\":\"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(get("/cases/" + caseId + "/risk-alerts").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
