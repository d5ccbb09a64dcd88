package uk.dapp.riskmatrix.rescoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

@ServiceTest
class ReferenceDataAndRescoringApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc);
    }

    /** The shipped example as a creation body, relabelled: same weights, so other tests' expectations hold. */
    private ObjectNode exampleAsNewVersion(String label) throws Exception {
        JsonNode versions =
                TestApi.json(api.get("/reference-data/versions", "admin").andExpect(status().isOk()));
        JsonNode example = null;
        for (JsonNode version : versions.get("items")) {
            if (version.get("example").asBoolean()) {
                example = version;
            }
        }
        assertThat(example).isNotNull();
        assertThat(example.get("label").asString()).startsWith("EXAMPLE ONLY");
        ObjectNode body = (ObjectNode) example.deepCopy();
        body.remove("version");
        body.remove("example");
        body.remove("createdAt");
        body.remove("createdBy");
        body.put("label", label);
        return body;
    }

    @Test
    void anAdminCreatesANewVersionAndNeverEditsOne() throws Exception {
        ObjectNode body = exampleAsNewVersion("Local policy v2");
        JsonNode created = TestApi.json(api.post("/reference-data/versions", "admin", body.toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.example").value(false))
                .andExpect(jsonPath("$.createdBy").value("user-admin")));
        int version = created.get("version").asInt();
        assertThat(version).isGreaterThan(1);
        api.get("/reference-data/versions/" + version, "offender-manager")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.label").value("Local policy v2"));
        api.get("/reference-data/versions/1", "offender-manager")
                .andExpect(jsonPath("$.example").value(true));
        api.get("/reference-data/versions/9999", "admin").andExpect(status().isNotFound());

        // a score made now records the version it used
        String caseId = api.register("Versionshire");
        JsonNode added = api.addDaIncident(caseId, LocalDate.now(), "EX-ABH", "VK-V");
        assertThat(added.at("/score/referenceVersion").asInt()).isGreaterThanOrEqualTo(version);
    }

    @Test
    void aBrokenTableIsRefusedNamingFieldAndRuleAndNothingIsStored() throws Exception {
        long before = mongo.getCollection("reference_data").countDocuments();
        ObjectNode body = exampleAsNewVersion("broken");
        ((ObjectNode) body.get("frequencyBands").get(1)).put("points", 0);
        api.post("/reference-data/versions", "admin", body.toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("frequencyBands[1].points"))
                .andExpect(jsonPath("$.errors[0].rule").value("NonDecreasing"));
        ObjectNode noWindow = exampleAsNewVersion("broken");
        noWindow.put("windowMonths", 0);
        api.post("/reference-data/versions", "admin", noWindow.toString())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("windowMonths"));
        assertThat(mongo.getCollection("reference_data").countDocuments()).isEqualTo(before);
    }

    @Test
    void bulkRescoringRunsInTheBackgroundWithProgressAndRecordsTheNewVersion() throws Exception {
        String caseId = api.register("Rescoreshire");
        api.addDaIncident(caseId, LocalDate.now().minusMonths(4), "EX-STALKING", "VK-S");
        int version = TestApi.json(api.post(
                                "/reference-data/versions",
                                "admin",
                                exampleAsNewVersion("for rescoring").toString())
                        .andExpect(status().isCreated()))
                .get("version")
                .asInt();

        JsonNode job = TestApi.json(api.post("/rescoring-jobs", "admin", "{}")
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.startedBy").value("user-admin")));
        String jobId = job.get("jobId").asString();
        assertThat(job.get("referenceVersion").asInt()).isEqualTo(version);
        // reads are not blocked while it runs
        api.get("/nominals/" + caseId + "/score", "offender-manager").andExpect(status().isOk());

        JsonNode progress = job;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"FINISHED".equals(progress.get("status").asString()) && System.currentTimeMillis() < deadline) {
            assertThat(progress.get("status").asString()).isNotEqualTo("FAILED");
            Thread.sleep(100);
            progress = TestApi.json(
                    api.get("/rescoring-jobs/" + jobId, "offender-manager").andExpect(status().isOk()));
        }
        assertThat(progress.get("status").asString()).isEqualTo("FINISHED");
        assertThat(progress.get("percent").asInt()).isEqualTo(100);
        assertThat(progress.get("processed").asLong())
                .isEqualTo(progress.get("total").asLong());
        assertThat(progress.get("changed").asLong())
                .isEqualTo(progress.get("processed").asLong());
        assertThat(progress.get("finishedAt").asString()).isNotBlank();

        api.get("/nominals/" + caseId + "/score", "offender-manager")
                .andExpect(jsonPath("$.referenceVersion").value(version))
                .andExpect(jsonPath("$.harmDays").value(180));
        JsonNode history = TestApi.json(api.get("/nominals/" + caseId + "/score-history", "offender-manager"));
        JsonNode last = history.get("items").get(history.get("items").size() - 1);
        assertThat(last.get("trigger").asString()).isEqualTo("BULK_RESCORING");
        assertThat(last.get("referenceVersion").asInt()).isEqualTo(version);
        api.get("/rescoring-jobs/no-such-job", "admin").andExpect(status().isNotFound());
    }
}
