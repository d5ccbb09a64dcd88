package uk.dapp.partnersupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import java.security.SecureRandom;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.caseid.CaseId;

/** Small helpers for the service tests: a fresh case, an open track, JSON calls as a partner support worker. */
public final class TestTracks {

    public static final String WORKER = "partner-support-worker";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestTracks() {}

    public static String newCaseId() {
        return CaseId.generate(new SecureRandom()).value();
    }

    /**
     * Programme-service's news that one of its referrals of the case opened ({@code held}) or closed, as
     * its outbox relay sends it; answers the status. Facilitators and service managers see the summary
     * only of a case the programme holds (ADR 0009).
     */
    public static int referralHeld(MockMvc mvc, String caseId, String referralId, boolean held, long sequence)
            throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/case-events/referral-holdings/" + java.util.UUID.randomUUID())
                        .with(as("svc-programme"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + referralId + "\",\"held\":" + held
                                + ",\"sequence\":" + sequence + "}"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    /** A case the programme holds through a new open referral; answers the referral's ID. */
    public static String programmeHolds(MockMvc mvc, String caseId) throws Exception {
        String referralId = java.util.UUID.randomUUID().toString();
        if (referralHeld(mvc, caseId, referralId, true, 1) != 204) {
            throw new AssertionError("the referral holding was not taken");
        }
        return referralId;
    }

    /** Opens a track on the case and answers its ID. */
    public static String openTrack(MockMvc mvc, String caseId, String partnerName) throws Exception {
        return json(send(
                                mvc,
                                post("/cases/" + caseId + "/partner-tracks"),
                                "{\"relationship\":\"CURRENT_PARTNER\",\"partnerName\":\"" + partnerName + "\"}")
                        .andExpect(status().isCreated()))
                .get("trackId")
                .asString();
    }

    /**
     * Opens a track whose partner has consented to support (given today) and answers its ID: safety plans,
     * partner-reported outcomes and the household are recorded only with her consent to support.
     */
    public static String openSupportedTrack(MockMvc mvc, String caseId, String partnerName) throws Exception {
        String trackId = openTrack(mvc, caseId, partnerName);
        consentToSupport(mvc, trackId);
        return trackId;
    }

    /** Records her consent to support, given today, and answers the consent's ID. */
    public static String consentToSupport(MockMvc mvc, String trackId) throws Exception {
        return json(send(
                                mvc,
                                post("/partner-tracks/" + trackId + "/consents"),
                                "{\"type\":\"SUPPORT\",\"givenOn\":\""
                                        + java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")) + "\"}")
                        .andExpect(status().isCreated()))
                .get("consentId")
                .asString();
    }

    public static ResultActions send(MockMvc mvc, MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(as(WORKER, "psw-test"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /** The string values of a field across the items of a JSON array. */
    public static java.util.List<String> values(JsonNode array, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    public static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    public static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }
}
