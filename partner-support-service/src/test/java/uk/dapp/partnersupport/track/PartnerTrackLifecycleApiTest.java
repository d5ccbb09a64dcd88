package uk.dapp.partnersupport.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class PartnerTrackLifecycleApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aNewTrackIsDueFirstContactWithinFiveWorkingDaysAndHasItsHistory() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        JsonNode track = json(mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(status().isOk()));
        LocalDate opened = Times.dateOf(Instant.parse(track.get("openedAt").asString()));
        assertThat(LocalDate.parse(track.get("firstContactDueOn").asString())).isAfter(opened.plusDays(4));
        assertThat(track.get("contactMade").asBoolean()).isFalse();
        assertThat(track.get("allowedMoves").get(0).asString()).isEqualTo("close");
        assertThat(track.get("history").get(0).get("to").asString()).isEqualTo("OPEN");
    }

    @Test
    void closingKeepsTheHistoryAndRefusesFurtherMovesAndRecords() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/closure"),
                        "{\"reason\":\"SUPPORT_COMPLETED\",\"note\":\"done\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closeReason").value("SUPPORT_COMPLETED"))
                .andExpect(jsonPath("$.history.length()").value(2))
                .andExpect(jsonPath("$.history[1].move").value("close"))
                .andExpect(jsonPath("$.history[1].reason").value("SUPPORT_COMPLETED: done"))
                .andExpect(jsonPath("$.allowedMoves.length()").value(0));
        send(mvc, post("/partner-tracks/" + trackId + "/closure"), "{\"reason\":\"OTHER\",\"version\":1}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("CLOSED"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"method\":\"PHONE\",\"outcome\":\"REACHED\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.partnerName").value("Anon Partner"));
    }

    @Test
    void aStaleVersionIsRefusedWith409() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        send(mvc, put("/partner-tracks/" + trackId + "/allocation"), "{\"allocatedWorker\":\"psw-sam\",\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocatedWorker").value("psw-sam"))
                .andExpect(jsonPath("$.version").value(1));
        send(mvc, put("/partner-tracks/" + trackId + "/allocation"), "{\"allocatedWorker\":\"psw-kim\",\"version\":0}")
                .andExpect(status().isConflict());
        send(mvc, post("/partner-tracks/" + trackId + "/closure"), "{\"reason\":\"OTHER\",\"version\":0}")
                .andExpect(status().isConflict());
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.allocatedWorker").value("psw-sam"))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    @Test
    void tracksPastTheirDueDateWithNoAttemptAreOverdueUntilAnAttemptIsLogged() throws Exception {
        String overdue = openTrack(mvc, newCaseId(), "Anon Partner");
        String notYetDue = openTrack(mvc, newCaseId(), "Anon Partner");
        LocalDate past = Times.today(java.time.Clock.systemUTC()).minusDays(10);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(overdue)),
                Update.update("firstContactDueOn", past),
                PartnerTrack.class);

        JsonNode list = json(mvc.perform(get("/overdue/first-contacts").with(as("partner-support-worker")))
                .andExpect(status().isOk()));
        assertThat(uk.dapp.partnersupport.TestTracks.values(list, "trackId"))
                .contains(overdue)
                .doesNotContain(notYetDue);
        list.forEach(item -> {
            if (item.get("trackId").asString().equals(overdue)) {
                assertThat(item.get("workingDaysOverdue").asInt()).isBetween(6, 8);
                assertThat(item.has("partnerName")).isFalse();
            }
        });

        send(
                        mvc,
                        post("/partner-tracks/" + overdue + "/contact-attempts"),
                        "{\"attemptedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                                + "\",\"method\":\"PHONE\",\"outcome\":\"NO_ANSWER\"}")
                .andExpect(status().isCreated());
        JsonNode after = json(mvc.perform(get("/overdue/first-contacts").with(as("partner-support-worker"))));
        assertThat(uk.dapp.partnersupport.TestTracks.values(after, "trackId")).doesNotContain(overdue);
    }

    @Test
    void ofTwoSimultaneousChangesFromTheSameVersionOneWinsAndTheOtherGets409() throws Exception {
        String trackId = openTrack(mvc, newCaseId(), "Anon Partner");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String worker = "psw-" + i;
                answers.add(pool.submit(() -> send(
                                mvc,
                                put("/partner-tracks/" + trackId + "/allocation"),
                                "{\"allocatedWorker\":\"" + worker + "\",\"version\":0}")
                        .andReturn()
                        .getResponse()
                        .getStatus()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        mvc.perform(get("/partner-tracks/" + trackId).with(as("partner-support-worker")))
                .andExpect(jsonPath("$.version").value(1));
    }

    @Test
    void unknownTrackIs404() throws Exception {
        mvc.perform(get("/partner-tracks/" + java.util.UUID.randomUUID()).with(as("partner-support-worker")))
                .andExpect(status().isNotFound());
    }
}
