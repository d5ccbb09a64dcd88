package uk.dapp.partnersupport.household;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openSupportedTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class HouseholdApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void childrenAreRecordedByCountAgeBandAndSocialCareWithVersions() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/household";
        mvc.perform(get(url).with(as("partner-support-worker"))).andExpect(status().isNotFound());
        send(
                        mvc,
                        put(url),
                        "{\"childrenCount\":2,\"ageBands\":[\"AGE_5_TO_10\",\"UNDER_1\"],\"socialCare\":\"CHILD_IN_NEED\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ageBands[0]").value("UNDER_1"))
                .andExpect(jsonPath("$.version").value(0));
        send(mvc, put(url), "{\"childrenCount\":1,\"ageBands\":[\"UNDER_1\"],\"socialCare\":\"NONE\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        send(mvc, put(url), "{\"childrenCount\":0,\"ageBands\":[],\"socialCare\":\"NONE\",\"version\":0}")
                .andExpect(status().isConflict());
        mvc.perform(get(url).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.childrenCount").value(1));
    }

    @Test
    void bandsMustMatchTheCount() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        String url = "/partner-tracks/" + trackId + "/household";
        send(mvc, put(url), "{\"childrenCount\":3,\"ageBands\":[\"UNDER_1\"],\"socialCare\":\"NONE\",\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ageBands"))
                .andExpect(jsonPath("$.errors[0].rule").value("OnePerChild"));
        send(mvc, put(url), "{\"childrenCount\":-1,\"ageBands\":[],\"socialCare\":\"NONE\",\"version\":0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("childrenCount"));
        mvc.perform(get(url).with(as("partner-support-worker"))).andExpect(status().isNotFound());
    }
}
