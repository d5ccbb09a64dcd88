package uk.dapp.partnersupport.dash;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class DashApiTest {

    @Autowired
    MockMvc mvc;

    static String answers(int yes) {
        return DashScoringTest.yes(yes).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void eachCompletionIsANewVersionAndTheTrackTakesTheLevel() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/dash-assessments";
        send(mvc, post(url), "{\"answers\":" + answers(11) + ",\"completedOn\":\"" + LocalDate.now() + "\",\"incidentsInLast12Months\":1}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.yesCount").value(11))
                .andExpect(jsonPath("$.riskLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.maracRecommended").value(false));
        send(mvc, post(url), "{\"answers\":" + answers(11) + ",\"completedOn\":\"" + LocalDate.now()
                + "\",\"incidentsInLast12Months\":1,\"professionalJudgement\":{\"level\":\"HIGH\",\"reason\":\"new threats\"}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.checklistLevel").value("MEDIUM"))
                .andExpect(jsonPath("$.riskLevel").value("HIGH"))
                .andExpect(jsonPath("$.maracCriteria[0]").value("PROFESSIONAL_JUDGEMENT"));
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].version").value(2));
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.currentRiskLevel").value("HIGH"));
    }

    @Test
    void loweringByJudgementOrAShortChecklistIsRefusedAndNothingStored() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/dash-assessments";
        send(mvc, post(url), "{\"answers\":" + answers(15) + ",\"completedOn\":\"" + LocalDate.now()
                + "\",\"incidentsInLast12Months\":0,\"professionalJudgement\":{\"level\":\"STANDARD\",\"reason\":\"calmer\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("professionalJudgement.level"))
                .andExpect(jsonPath("$.errors[0].rule").value("NeverLower"));
        send(mvc, post(url), "{\"answers\":[\"YES\"],\"completedOn\":\"" + LocalDate.now() + "\",\"incidentsInLast12Months\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("answers"))
                .andExpect(jsonPath("$.errors[0].rule").value("Size"));
        mvc.perform(get(url).with(as("partner-support-worker"))).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void theQuestionsAreServedInOrder() throws Exception {
        mvc.perform(get("/dash/questions").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(24))
                .andExpect(jsonPath("$[0].number").value(1))
                .andExpect(jsonPath("$[23].code").value("POLICE_HISTORY"));
    }
}
