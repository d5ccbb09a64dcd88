package uk.dapp.partnersupport.contact;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class ContactAttemptApiTest {

    @Autowired
    MockMvc mvc;

    private static String attempt(Instant at, String outcome) {
        return "{\"attemptedAt\":\"" + at.truncatedTo(ChronoUnit.SECONDS) + "\",\"method\":\"PHONE\",\"outcome\":\""
                + outcome + "\"}";
    }

    @Test
    void attemptsAreLoggedAndTheTrackKnowsWhenContactWasMade() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        Instant now = Instant.now();
        send(mvc, post("/partner-tracks/" + trackId + "/contact-attempts"), attempt(now, "UNSAFE_TO_TALK"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.outcome").value("UNSAFE_TO_TALK"))
                .andExpect(jsonPath("$.loggedBy").value("psw-test"));
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.contactMade").value(false))
                .andExpect(jsonPath("$.firstContactAttemptAt").exists());
        send(mvc, post("/partner-tracks/" + trackId + "/contact-attempts"), attempt(now, "REACHED"))
                .andExpect(status().isCreated());
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.contactMade").value(true));
        mvc.perform(get("/partner-tracks/" + trackId + "/contact-attempts").with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void attemptsLoggedAtOnceAreAllRecordedAndTheTrackHoldsTheFirstAndLast() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int attempts = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                Instant at = now.minusSeconds(20L * i);
                String outcome = i == 5 ? "REACHED" : "NO_ANSWER";
                answers.add(pool.submit(
                        () -> send(mvc, post("/partner-tracks/" + trackId + "/contact-attempts"), attempt(at, outcome))
                                .andReturn()
                                .getResponse()
                                .getStatus()));
            }
            for (java.util.concurrent.Future<Integer> answer : answers) {
                org.assertj.core.api.Assertions.assertThat(answer.get())
                        .as("no attempt refused for another's change")
                        .isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        mvc.perform(get("/partner-tracks/" + trackId + "/contact-attempts").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(attempts));
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.contactMade").value(true))
                .andExpect(jsonPath("$.firstContactAttemptAt")
                        .value(org.hamcrest.Matchers.startsWith(now.minusSeconds(20L * (attempts - 1))
                                .toString()
                                .replace("Z", ""))))
                .andExpect(jsonPath("$.lastContactAttemptAt")
                        .value(org.hamcrest.Matchers.startsWith(now.toString().replace("Z", ""))));
    }

    @Test
    void badAttemptsAreRefusedByField() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/contact-attempts"),
                        "{\"attemptedAt\":\"2026-01-01T10:00:00Z\",\"method\":\"PIGEON\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("method"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/contact-attempts"),
                        attempt(Instant.now().plusSeconds(86400), "REACHED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].rule").value("NotFuture"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/contact-attempts"),
                        "{\"method\":\"PHONE\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("attemptedAt"));
        mvc.perform(get("/partner-tracks/" + trackId + "/contact-attempts").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
