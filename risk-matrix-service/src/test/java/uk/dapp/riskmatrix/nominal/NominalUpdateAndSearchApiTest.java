package uk.dapp.riskmatrix.nominal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

@ServiceTest
class NominalUpdateAndSearchApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc);
    }

    private static String update(String givenName, String dob, String policeId, String area, long version) {
        return """
                {"givenName":"%s","familyName":"Corrected","dateOfBirth":"%s","policeId":"%s","probationId":"Y654321",
                 "area":"%s","version":%d}""".formatted(givenName, dob, policeId, area, version);
    }

    @Test
    void detailsAreCorrectedAgainstTheVersionReadAndAStaleVersionIs409() throws Exception {
        String policeId = TestApi.newPoliceId();
        String caseId = api.register("Before", "Name", LocalDate.of(1980, 1, 1), "Updateshire", policeId);
        JsonNode read = TestApi.json(api.get("/nominals/" + caseId, OM));
        long version = read.get("version").asLong();

        api.put("/nominals/" + caseId, OM, update("After", "1980-01-01", policeId, "Updateshire", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.givenName").value("After"))
                .andExpect(jsonPath("$.familyName").value("Corrected"))
                .andExpect(jsonPath("$.probationId").value("Y654321"))
                .andExpect(jsonPath("$.version").value(version + 1));
        api.put("/nominals/" + caseId, OM, update("Again", "1980-01-01", policeId, "Updateshire", version))
                .andExpect(status().isConflict());
        api.get("/nominals/" + caseId, OM).andExpect(jsonPath("$.givenName").value("After"));
    }

    @Test
    void aChangedDateOfBirthRescores() throws Exception {
        String policeId = TestApi.newPoliceId();
        String caseId = api.register("Young", "Person", LocalDate.now().minusYears(20), "Updateshire", policeId);
        api.addDaIncident(caseId, LocalDate.now().minusYears(3).plusMonths(1), "EX-COMMON-ASSAULT", "VK-X");
        JsonNode second = api.addDaIncident(caseId, LocalDate.now().minusMonths(1), "EX-COMMON-ASSAULT", "VK-Y");
        assertThat(second.at("/score/serial").asBoolean()).isTrue();
        long version =
                TestApi.json(api.get("/nominals/" + caseId, OM)).get("version").asLong();
        // corrected: they were under 16 at the first incident
        String dob = LocalDate.now().minusYears(18).toString();
        api.put("/nominals/" + caseId, OM, update("Young", dob, policeId, "Updateshire", version))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score.serial").value(false));
        api.get("/nominals/" + caseId + "/score-history", OM)
                .andExpect(jsonPath("$.items[3].trigger").value("DETAILS_CORRECTED"));
    }

    @Test
    void anotherNominalsPoliceIdentifierIsRefusedNamingItsCase() throws Exception {
        String takenId = TestApi.newPoliceId();
        String holder = api.register("Holder", "One", LocalDate.of(1980, 1, 1), "Updateshire", takenId);
        String caseId = api.register("Other", "Two", LocalDate.of(1981, 1, 1), "Updateshire", TestApi.newPoliceId());
        long version =
                TestApi.json(api.get("/nominals/" + caseId, OM)).get("version").asLong();
        api.put("/nominals/" + caseId, OM, update("Other", "1981-01-01", takenId, "Updateshire", version))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingCaseId").value(holder));
    }

    @Test
    void badCorrectionsAre400() throws Exception {
        String caseId = api.register("Updateshire");
        api.put("/nominals/" + caseId, OM, update("", "1980-01-01", "bad", "Updateshire", 0))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void searchesByNameFragmentIdentifierAreaAndFlagAPageAtATime() throws Exception {
        String area = "Search-" + UUID.randomUUID().toString().substring(0, 8);
        String policeId = TestApi.newPoliceId();
        String a = api.register("Alexandra", "Quigley", LocalDate.of(1980, 1, 1), area, policeId);
        String b = api.register("Bob", "Quinton", LocalDate.of(1980, 1, 1), area);
        String c = api.register("Carl", "Zed", LocalDate.of(1980, 1, 1), area);

        api.get("/nominals?area=" + area.toUpperCase() + "&size=2", OM)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].caseId").value(a))
                .andExpect(jsonPath("$.items[1].caseId").value(b));
        api.get("/nominals?area=" + area + "&size=2&page=1", OM)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(c));
        api.get("/nominals?area=" + area + "&name=qui", OM)
                .andExpect(jsonPath("$.totalItems").value(2));
        api.get("/nominals?name=xandr&area=" + area, OM)
                .andExpect(jsonPath("$.items[0].caseId").value(a));
        api.get("/nominals?identifier=" + policeId.toLowerCase(), OM)
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(a));
        api.get("/nominals?area=" + area + "&serial=true", OM)
                .andExpect(jsonPath("$.totalItems").value(0));
        api.get("/nominals?name=.*&area=" + area, OM)
                .andExpect(jsonPath("$.totalItems").value(0));
        api.get("/nominals?size=500", OM)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }
}
