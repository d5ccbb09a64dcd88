package uk.dapp.riskmatrix.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.TestApi;

/**
 * Offender managers (and facilitators and service managers reading a case summary) see the nominals
 * of the areas their teams cover (ADR 0012): outside, one nominal is a 404 like an unknown one and the
 * refusal is audited; searches, the cohort and the disruption task list leave it out; every list
 * read is audited once per nominal it returned, with the query.
 */
@ServiceTest
class AreaScopeApiTest {

    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    TestApi api;
    String area;
    String caseId;
    RequestPostProcessor ours;
    RequestPostProcessor theirs;

    @BeforeEach
    void aNominalInAnAreaOfOurOwn() throws Exception {
        api = new TestApi(mvc);
        area = "Scope-" + UUID.randomUUID().toString().substring(0, 8);
        caseId = api.register("Areana", "Scopewell", LocalDate.of(1979, 6, 15), area);
        ours = Callers.as(OM, "om-ours", List.of("ours"), List.of(area));
        theirs = Callers.as(OM, "om-theirs", List.of("theirs"), List.of(Callers.OTHER_AREA));
    }

    @Test
    void outsideTheCallersAreasANominalIsNotFoundLikeAnUnknownOneAndTheRefusalIsAudited() throws Exception {
        mvc.perform(get("/nominals/" + caseId).with(ours)).andExpect(status().isOk());
        String refused = mvc.perform(get("/nominals/" + caseId).with(theirs))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String unknown = mvc.perform(get("/nominals/000000-000000-000000").with(theirs))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("No nominal has case ID " + caseId);
        assertThat(unknown).contains("No nominal has case ID");
        for (String path : List.of("/score", "/incidents", "/routing", "/summary", "/score-history")) {
            mvc.perform(get("/nominals/" + caseId + path).with(theirs)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/nominals/" + caseId + "/summary")
                        .with(Callers.as("facilitator", "fac-theirs", List.of("theirs"), List.of(Callers.OTHER_AREA))))
                .andExpect(status().isNotFound());

        List<AuditRecord> refusals = mongo.find(
                Query.query(Criteria.where("caseId").is(caseId).and("username").is("om-theirs")), AuditRecord.class);
        assertThat(refusals).isNotEmpty().allSatisfy(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.READ);
            assertThat(record.reason()).isEqualTo(CaseScope.REFUSED);
        });
    }

    @Test
    void aNominalIsRegisteredOnlyInOneOfTheCallersAreas() throws Exception {
        mvc.perform(post("/nominals")
                        .with(theirs)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"givenName":"Outof","familyName":"Area","dateOfBirth":"1980-01-01","policeId":"%s","area":"%s"}""".formatted(TestApi.newPoliceId(), area)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("area"))
                .andExpect(jsonPath("$.errors[0].rule").value("OwnArea"));
    }

    @Test
    void searchesAndTheCohortFindOnlyTheCallersAreasAndAreAuditedPerNominalWithTheQuery() throws Exception {
        mvc.perform(get("/nominals?name=scopewell&dateOfBirth=1979-06-15").with(ours))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].caseId").value(caseId));
        mvc.perform(get("/nominals?name=scopewell&dateOfBirth=1979-06-15").with(theirs))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/nominals?name=scopewell&dateOfBirth=1979-06-16").with(ours))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/cohort?area=" + area).with(ours))
                .andExpect(jsonPath("$.items[0].caseId").value(caseId));
        mvc.perform(get("/cohort?area=" + area).with(theirs))
                .andExpect(jsonPath("$.items.length()").value(0));

        List<AuditRecord> searches = mongo.find(
                Query.query(Criteria.where("caseId")
                        .is(caseId)
                        .and("username")
                        .is("om-ours")
                        .and("action")
                        .is("SEARCH")),
                AuditRecord.class);
        assertThat(searches).extracting(AuditRecord::resourceType).containsExactlyInAnyOrder("nominal", "cohort");
        assertThat(searches)
                .extracting(AuditRecord::query)
                .contains("name=scopewell&dateOfBirth=1979-06-15&page=0&size=20", "area=" + area + "&page=0&size=20");
        // a search that found nothing is still on the record, with what was asked
        assertThat(mongo.find(
                        Query.query(Criteria.where("username")
                                .is("om-theirs")
                                .and("caseId")
                                .is(null)
                                .and("query")
                                .is("name=scopewell&dateOfBirth=1979-06-15&page=0&size=20")),
                        AuditRecord.class))
                .hasSize(1);
    }

    @Test
    void searchInputIsBoundedAndControlCharactersAreRefused() throws Exception {
        mvc.perform(get("/nominals").param("name", "ab\u0007c").with(ours)).andExpect(status().isBadRequest());
        mvc.perform(get("/nominals").param("name", "x".repeat(101)).with(ours)).andExpect(status().isBadRequest());
        mvc.perform(get("/nominals").param("dateOfBirth", "not-a-date").with(ours))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theDisruptionTaskListLeavesOutNominalsOfOtherAreasAndIsAuditedPerCase() throws Exception {
        api.put("/nominals/" + caseId + "/suitability-facts", OM, TestApi.facts(false))
                .andExpect(status().isOk());
        api.post("/nominals/" + caseId + "/routing/decisions", OM, "{\"route\":\"CATCH_AND_CONVICT\"}")
                .andExpect(status().isOk());

        String mine = mvc.perform(get("/disruption-tasks?size=200").with(ours))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String others = mvc.perform(get("/disruption-tasks?size=200").with(theirs))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(mine).contains(caseId);
        assertThat(others).doesNotContain(caseId);
        assertThat(mongo.count(
                        Query.query(Criteria.where("caseId")
                                .is(caseId)
                                .and("username")
                                .is("om-ours")
                                .and("resourceType")
                                .is("disruption-task")
                                .and("action")
                                .is("SEARCH")),
                        AuditRecord.class))
                .isEqualTo(1);
    }
}
