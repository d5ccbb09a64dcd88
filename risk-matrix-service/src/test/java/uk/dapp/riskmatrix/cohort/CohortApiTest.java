package uk.dapp.riskmatrix.cohort;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

@ServiceTest
class CohortApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    TestApi api;
    String area;
    String high;
    String middle;
    String low;
    String none;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(mvc);
        area = "Cohort-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now();
        high = api.register(area);
        api.addDaIncident(high, today.minusMonths(2), "EX-STRANGULATION", "VK-C1");
        api.addDaIncident(high, today.minusMonths(1), "EX-ABH", "VK-C2");
        middle = api.register(area);
        api.addDaIncident(middle, today.minusDays(10), "EX-ABH", "VK-C3");
        low = api.register(area);
        api.addDaIncident(low, today.minusMonths(30), "EX-CRIM-DAMAGE", "VK-C4");
        none = api.register(area);
    }

    @Test
    void ranksTheAreaByScoreHighestFirst() throws Exception {
        api.get("/cohort?area=" + area, OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(4))
                .andExpect(jsonPath("$.items[0].caseId").value(high))
                .andExpect(jsonPath("$.items[0].rank").value(1))
                .andExpect(jsonPath("$.items[0].score.serial").value(true))
                .andExpect(jsonPath("$.items[1].caseId").value(middle))
                .andExpect(jsonPath("$.items[2].caseId").value(low))
                .andExpect(jsonPath("$.items[3].caseId").value(none))
                .andExpect(jsonPath("$.items[3].score.total").value(0))
                .andExpect(jsonPath("$.items[0].routingStatus").value("AWAITING_DECISION"));
    }

    @Test
    void aThresholdOrTopNPutsNominalsOnTheMatrix() throws Exception {
        api.get("/cohort?area=" + area + "&threshold=1", OM)
                .andExpect(jsonPath("$.totalItems").value(3));
        api.get("/cohort?area=" + area + "&top=2", OM)
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].caseId").value(middle));
        api.get("/cohort?area=" + area + "&top=3&size=2&page=1", OM)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].rank").value(3))
                .andExpect(jsonPath("$.items[0].caseId").value(low));
        api.get("/cohort?area=" + area + "&top=2&page=1&size=2", OM)
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void filtersByFlagAndRoutingStatus() throws Exception {
        api.get("/cohort?area=" + area + "&serial=true", OM)
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(high));
        api.put("/nominals/" + middle + "/suitability-facts", OM, TestApi.facts(true))
                .andExpect(status().isOk());
        api.post("/nominals/" + middle + "/routing/decisions", OM, "{\"route\":\"ENGAGE\"}")
                .andExpect(status().isOk());
        api.get("/cohort?area=" + area + "&routingStatus=ENGAGED", OM)
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(middle))
                .andExpect(jsonPath("$.items[0].routingStatus").value("ENGAGED"));
        api.get("/cohort?area=" + area + "&routingStatus=NONSENSE", OM)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("routingStatus"));
        api.get("/cohort/harm", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.members").isNumber())
                .andExpect(jsonPath("$.harmDaysNow").isNumber());
    }
}
