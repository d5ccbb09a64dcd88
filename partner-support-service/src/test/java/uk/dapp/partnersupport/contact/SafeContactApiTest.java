package uk.dapp.partnersupport.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import com.mongodb.client.model.Filters;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

/** Safe contact details: round trip for the worker, ciphertext only in the store, nothing in the logs. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class SafeContactApiTest {

    private static final String NUMBER = "07700 900461";
    private static final String TIMES = "weekday mornings nine till eleven";
    private static final String CODE_WORD = "honeysuckle";
    private static final List<String> VERBOSE = List.of(
            "org.springframework.web",
            "org.springframework.data.mongodb",
            "org.mongodb.driver",
            "uk.dapp",
            "org.springframework.security");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void logEverything() {
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
    }

    @AfterEach
    void quieten() {
        VERBOSE.forEach(logger -> logging.setLogLevel(logger, null));
    }

    private static String body(String number, String times, String codeWord, long version) {
        return "{\"safeNumber\":\"" + number + "\",\"safeTimes\":\"" + times + "\",\"mayLeaveMessage\":false,"
                + "\"codeWord\":\"" + codeWord + "\",\"version\":" + version + "}";
    }

    @Test
    void roundTripsForTheWorkerStoresOnlyCiphertextAndLogsNothing(CapturedOutput output) throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body(NUMBER, TIMES, CODE_WORD, 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.safeNumber").value(NUMBER))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/partner-tracks/" + trackId + "/safe-contact").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.safeNumber").value(NUMBER))
                .andExpect(jsonPath("$.safeTimes").value(TIMES))
                .andExpect(jsonPath("$.mayLeaveMessage").value(false))
                .andExpect(jsonPath("$.codeWord").value(CODE_WORD));

        Document stored = mongo.getCollection(StoredSafeContact.COLLECTION)
                .find(Filters.eq("_id", trackId))
                .first();
        assertThat(stored).isNotNull();
        String raw = stored.toJson();
        assertThat(raw)
                .doesNotContain(NUMBER)
                .doesNotContain("900461")
                .doesNotContain(TIMES)
                .doesNotContain("mornings")
                .doesNotContain(CODE_WORD);
        for (String field : List.of("safeNumber", "safeTimes", "mayLeaveMessage", "codeWord")) {
            assertThat(stored.getString(field)).as(field).startsWith("v2:20261101:"); // the demo keyset's key
        }
        assertThat(stored.getString("mayLeaveMessage")).isNotIn("true", "false");

        // a refused update does not echo the values either
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body(CODE_WORD, TIMES, CODE_WORD, 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("safeNumber"));

        assertThat(output.getAll())
                .contains(trackId)
                .doesNotContain(NUMBER)
                .doesNotContain("900461")
                .doesNotContain(TIMES)
                .doesNotContain(CODE_WORD);
    }

    @Test
    void aStaleVersionIs409AndTheStoredDetailsStay() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body(NUMBER, TIMES, CODE_WORD, 3))
                .andExpect(status().isConflict());
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body(NUMBER, TIMES, CODE_WORD, 0))
                .andExpect(status().isOk());
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body("07700 900999", TIMES, "primrose", 0))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        send(mvc, put("/partner-tracks/" + trackId + "/safe-contact"), body("07700 900000", TIMES, "tulip", 0))
                .andExpect(status().isConflict());
        mvc.perform(get("/partner-tracks/" + trackId + "/safe-contact").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.codeWord").value("primrose"));
    }

    @Test
    void noDetailsYetIs404() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        mvc.perform(get("/partner-tracks/" + trackId + "/safe-contact").with(as("partner-support-worker")))
                .andExpect(status().isNotFound());
    }
}
