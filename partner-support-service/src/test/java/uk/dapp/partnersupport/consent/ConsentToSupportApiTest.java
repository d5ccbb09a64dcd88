package uk.dapp.partnersupport.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.consentToSupport;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * Issue 15 item 12: without her consent to support, a partner track records only contact attempts and
 * the safety-relevant minimum; withdrawing it stops further support records, and what was recorded stays.
 */
@ServiceTest
class ConsentToSupportApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    MockMvc mvc;

    @Test
    void withoutConsentToSupportOnlyContactAttemptsAndTheSafetyRelevantMinimumAreRecorded() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Unconsentia Partnerly");
        String t = "/partner-tracks/" + trackId;
        JsonNode track = track(trackId);
        assertThat(track.get("consentToSupport").asBoolean()).isFalse();
        assertThat(track.get("unavailableWithoutConsentToSupport").toString())
                .isEqualTo("[\"SAFETY_PLAN\",\"PARTNER_OUTCOME\",\"HOUSEHOLD\"]");

        // support given to her is refused, naming the rule and what was refused, and nothing is stored
        assertRefused(send(mvc, post(t + "/outcomes"), outcome()), "PARTNER_OUTCOME");
        assertRefused(send(mvc, post(t + "/safety-plans"), plan()), "SAFETY_PLAN");
        assertRefused(send(mvc, put(t + "/household"), household()), "HOUSEHOLD");
        assertThat(json(send(mvc, get(t + "/outcomes"), "")).get("points")).isEmpty();
        assertThat(json(send(mvc, get(t + "/safety-plans"), ""))).isEmpty();

        // the safety-relevant minimum: reaching her safely, her risk assessed, a disclosure, a MARAC referral
        send(
                        mvc,
                        post(t + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isCreated());
        send(
                        mvc,
                        put(t + "/safe-contact"),
                        "{\"safeNumber\":\"07700 900111\",\"safeTimes\":\"mornings\","
                                + "\"mayLeaveMessage\":false,\"codeWord\":\"bluebell\",\"version\":0}")
                .andExpect(status().is2xxSuccessful());
        send(
                        mvc,
                        post(t + "/dash-assessments"),
                        "{\"answers\":" + answers(15) + ",\"completedOn\":\"" + TODAY
                                + "\",\"incidentsInLast12Months\":0}")
                .andExpect(status().isCreated());
        send(
                        mvc,
                        post(t + "/disclosures"),
                        "{\"disclosedOn\":\"" + TODAY
                                + "\",\"category\":\"THREATS\",\"riskLevel\":\"HIGH\",\"account\":\"synthetic account\"}")
                .andExpect(status().isCreated());
        send(mvc, post(t + "/marac-referrals"), "{\"referredOn\":\"" + TODAY + "\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void withdrawingConsentToSupportStopsFurtherSupportRecordsAndWhatWasRecordedStays() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Withdrawia Partnerly");
        String t = "/partner-tracks/" + trackId;
        String consentId = consentToSupport(mvc, trackId);
        assertThat(track(trackId).get("consentToSupport").asBoolean()).isTrue();
        assertThat(track(trackId).get("unavailableWithoutConsentToSupport")).isEmpty();
        send(mvc, post(t + "/outcomes"), outcome()).andExpect(status().isCreated());
        String planId = json(send(mvc, post(t + "/safety-plans"), plan()).andExpect(status().isCreated()))
                .get("planId")
                .asString();

        send(mvc, post(t + "/consents/" + consentId + "/withdrawal"), "{}").andExpect(status().isOk());

        assertThat(track(trackId).get("consentToSupport").asBoolean()).isFalse();
        assertRefused(send(mvc, put(t + "/household"), household()), "HOUSEHOLD");
        assertRefused(
                send(mvc, put("/safety-plans/" + planId), plan().replace("}]", "}],\"version\":0")), "SAFETY_PLAN");
        // what she consented to stays, under the retention rules
        assertThat(json(send(mvc, get(t + "/outcomes"), "")).get("points")).hasSize(1);
        assertThat(json(send(mvc, get(t + "/safety-plans"), ""))).hasSize(1);
        // contact goes on: she can be reached to be told of a risk, or to consent again
        send(
                        mvc,
                        post(t + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"method\":\"TEXT_MESSAGE\",\"outcome\":\"NO_ANSWER\"}")
                .andExpect(status().isCreated());

        // consent given again is a new record, and support can be recorded again
        consentToSupport(mvc, trackId);
        send(mvc, put(t + "/household"), household()).andExpect(status().isOk());
    }

    private JsonNode track(String trackId) throws Exception {
        return json(mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(status().isOk()));
    }

    private static void assertRefused(org.springframework.test.web.servlet.ResultActions result, String record)
            throws Exception {
        JsonNode problem = json(result.andExpect(status().isConflict()));
        assertThat(problem.get("rule").asString()).isEqualTo("ConsentToSupport");
        assertThat(problem.get("record").asString()).isEqualTo(record);
        assertThat(problem.get("detail").asString()).contains("consent to support");
    }

    private static String outcome() {
        return uk.dapp.partnersupport.outcome.OutcomeApiTestSupport.intake();
    }

    private static String plan() {
        return "{\"actions\":[{\"description\":\"keep a phone charged\",\"owner\":\"partner\"}],\"reviewOn\":\""
                + TODAY.plusDays(14) + "\"}";
    }

    private static String household() {
        return "{\"childrenCount\":1,\"ageBands\":[\"AGE_5_TO_10\"],\"socialCare\":\"NONE\",\"version\":0}";
    }

    private static String answers(int yes) {
        return Stream.concat(Collections.nCopies(yes, "YES").stream(), Collections.nCopies(24 - yes, "NO").stream())
                .map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }
}
