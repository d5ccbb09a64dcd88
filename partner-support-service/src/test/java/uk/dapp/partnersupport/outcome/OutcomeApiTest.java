package uk.dapp.partnersupport.outcome;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openSupportedTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class OutcomeApiTest {

    @Autowired
    MockMvc mvc;

    static String outcome(String point, int score, String children) {
        return "{\"point\":\"" + point + "\",\"recordedOn\":\"" + LocalDate.now() + "\",\"measures\":{"
                + "\"cessationOfAbuse\":" + score + ",\"riskNow\":" + score + ",\"feelingSafe\":" + score
                + ",\"qualityOfLife\":" + score + ",\"respectfulRelationship\":" + score + ",\"spaceForAction\":"
                + score
                + ",\"safetyAndFreedomFromViolence\":" + score + ",\"awarenessOfSelfAndOthers\":" + score + children
                + "}}";
    }

    @Test
    void intakeAndExitGiveTheChangeOncePerPoint() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/outcomes";
        send(mvc, post(url), outcome("INTAKE", 2, ",\"childrensFear\":1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.measures.childrensFear").value(1));
        send(mvc, post(url), outcome("INTAKE", 3, "")).andExpect(status().isConflict());
        send(mvc, post(url), outcome("EXIT", 4, ",\"childrensFear\":4")).andExpect(status().isCreated());
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.points.length()").value(2))
                .andExpect(jsonPath("$.points[0].point").value("INTAKE"))
                .andExpect(jsonPath("$.changes.length()").value(1))
                .andExpect(jsonPath("$.changes[0].from").value("INTAKE"))
                .andExpect(jsonPath("$.changes[0].to").value("EXIT"))
                .andExpect(jsonPath("$.changes[0].changes.feelingSafe").value(2))
                .andExpect(jsonPath("$.changes[0].changes.childrensFear").value(3))
                .andExpect(jsonPath("$.changes[0].changes.saferChildhoods").doesNotExist());
    }

    @Test
    void aScoreOutOfRangeIsRefusedByField() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/outcomes";
        send(mvc, post(url), outcome("MIDWAY", 6, ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("measures.")))
                .andExpect(jsonPath("$.errors[0].rule").value("Max"));
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.points.length()").value(0));
    }
}
