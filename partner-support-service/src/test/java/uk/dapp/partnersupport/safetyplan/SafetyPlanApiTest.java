package uk.dapp.partnersupport.safetyplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openSupportedTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.partnersupport.TestTracks.values;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

@ServiceTest
class SafetyPlanApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private static String plan(LocalDate reviewOn, String extra) {
        return "{\"actions\":[{\"description\":\"Keep a bag packed at a friend's\",\"owner\":\"partner\"},"
                + "{\"description\":\"Refer to the local refuge\",\"owner\":\"IDVA\",\"dueOn\":\"" + reviewOn + "\"}],"
                + "\"reviewOn\":\"" + reviewOn + "\"" + extra + "}";
    }

    @Test
    void plansAreMadeRevisedWithVersionsAndOverdueReviewsListed() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        LocalDate review = LocalDate.now().plusDays(14);
        String planId = json(send(mvc, post("/partner-tracks/" + trackId + "/safety-plans"), plan(review, ""))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.actions.length()").value(2))
                        .andExpect(jsonPath("$.actions[0].done").value(false))
                        .andExpect(jsonPath("$.version").value(0)))
                .get("planId")
                .asString();
        send(mvc, put("/safety-plans/" + planId), plan(review.plusDays(7), ",\"version\":0"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));
        send(mvc, put("/safety-plans/" + planId), plan(review, ",\"version\":0"))
                .andExpect(status().isConflict());

        assertThat(values(
                        json(mvc.perform(get("/overdue/safety-plan-reviews").with(as("partner-support-worker")))),
                        "planId"))
                .doesNotContain(planId);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(planId)),
                Update.update("reviewOn", LocalDate.now().minusDays(2)),
                SafetyPlan.class);
        assertThat(values(
                        json(mvc.perform(get("/overdue/safety-plan-reviews").with(as("partner-support-worker")))
                                .andExpect(status().isOk())),
                        "planId"))
                .contains(planId);
        mvc.perform(get("/partner-tracks/" + trackId + "/safety-plans").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aPastReviewDateOrAnOwnerlessActionIsRefused() throws Exception {
        String trackId = openSupportedTrack(mvc, newCaseId(), "Anon Partner");
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/safety-plans"),
                        plan(LocalDate.now().minusDays(1), ""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reviewOn"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/safety-plans"),
                        "{\"actions\":[{\"description\":\"x\",\"owner\":\" \"}],\"reviewOn\":\""
                                + LocalDate.now().plusDays(3) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions[0].owner"));
        send(
                        mvc,
                        post("/partner-tracks/" + trackId + "/safety-plans"),
                        "{\"actions\":[],\"reviewOn\":\"" + LocalDate.now().plusDays(3) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"));
        mvc.perform(get("/partner-tracks/" + trackId + "/safety-plans").with(as("partner-support-worker")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
