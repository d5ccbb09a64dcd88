package uk.dapp.partnersupport.consent;

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

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ConsentApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsentService consents;

    @Test
    void withdrawingConsentStopsSharingAtOnce() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/consents"),
                        "{\"type\":\"SUPPORT\",\"givenOn\":\"" + LocalDate.now().minusDays(1) + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("GIVEN"));
        String sharing = json(send(
                                mvc,
                                post("/partner-tracks/" + trackId + "/consents"),
                                "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":\""
                                        + LocalDate.now().minusDays(1) + "\",\"scope\":[\"PROGRAMME\",\"MARAC\"]}")
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.scope.length()").value(2)))
                .get("consentId")
                .asString();
        assertThat(consents.sharingPermitted(trackId, SharingScope.PROGRAMME)).isTrue();
        assertThat(consents.sharingPermitted(trackId, SharingScope.POLICE)).isFalse();
        // consent is the partner's own: another partner of the same case is not covered by it
        String otherPartner = openTrack(mvc, caseId, "Other Partner");
        assertThat(consents.sharingPermitted(otherPartner, SharingScope.PROGRAMME))
                .isFalse();

        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/consents/" + sharing + "/withdrawal"),
                        "{\"note\":\"asked on the phone\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.withdrawnAt").exists());
        assertThat(consents.sharingPermitted(trackId, SharingScope.PROGRAMME)).isFalse();

        send(mvc, post("/partner-tracks/" + trackId + "/consents/" + sharing + "/withdrawal"), "{}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("WITHDRAWN"));
        mvc.perform(get("/partner-tracks/" + trackId + "/consents").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void scopeRulesAndDatesAreChecked() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/consents"),
                        "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":\"2026-01-05\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scope"))
                .andExpect(jsonPath("$.errors[0].rule").value("NotEmpty"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/consents"),
                        "{\"type\":\"SUPPORT\",\"givenOn\":\"2026-01-05\",\"scope\":[\"POLICE\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("OnlyForInformationSharing"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/consents"),
                        "{\"type\":\"SUPPORT\",\"givenOn\":\"" + LocalDate.now().plusDays(3) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("givenOn"));
        mvc.perform(get("/partner-tracks/" + trackId + "/consents").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
