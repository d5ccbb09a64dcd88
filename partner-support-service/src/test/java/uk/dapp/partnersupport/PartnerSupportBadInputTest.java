package uk.dapp.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.platform.testsupport.Callers.as;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertFieldError;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;

/** Issue 13's bad input at partner support: each once reset the connection, ran out of memory or was silently changed. */
@ServiceTest
class PartnerSupportBadInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private MockHttpServletResponse send(String method, String path, String body) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(method), path)
                        .with(as(TestTracks.WORKER))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private long stored(String collection, String caseId) {
        return mongo.count(Query.query(Criteria.where("caseId").is(caseId)), collection);
    }

    /** Defect 2: 100,000 actions each breaking a rule: connection reset and two out-of-memory errors. */
    @Test
    void safetyPlanActionsPastTheirMaximumAreRefusedShortlyEvenFiveAtOnce() throws Exception {
        String caseId = newCaseId();
        String plans = "/partner-tracks/" + openTrack(mvc, caseId, "Anon Partner") + "/safety-plans";
        String reviewOn = LocalDate.now().plusDays(7).toString();
        String huge = "{\"actions\":[{}" + ",{}".repeat(99_999) + "],\"reviewOn\":\"" + reviewOn + "\"}";
        String many = "{\"actions\":[{}" + ",{}".repeat(59_999) + "],\"reviewOn\":\"" + reviewOn + "\"}";
        ExecutorService five = Executors.newFixedThreadPool(5);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String body = i % 2 == 0 ? huge : many;
                answers.add(five.submit(() -> send("POST", plans, body)));
            }
            for (int i = 0; i < 5; i++) {
                if (i % 2 == 0) {
                    assertProblem(answers.get(i).get(), 413);
                } else {
                    assertFieldError(answers.get(i).get(), "actions", "Size");
                }
            }
        } finally {
            five.shutdownNow();
        }
        assertThat(stored("safety_plans", caseId)).isZero();
        assertThat(mvc.perform(request(HttpMethod.GET, plans).with(as(TestTracks.WORKER)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /** Defect 7: 100,000 copies of one consent scope were accepted and silently de-duplicated. */
    @Test
    void aRepeatedConsentScopeIsRefusedNotDropped() throws Exception {
        String caseId = newCaseId();
        String consents = "/partner-tracks/" + openTrack(mvc, caseId, "Anon Partner") + "/consents";
        String body = "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":\"2026-01-01\",\"scope\":[%s]}";
        assertFieldError(
                send("POST", consents, body.formatted("\"PROGRAMME\",\"PROGRAMME\"")), "scope[1]", "UniqueItems");
        assertFieldError(
                send("POST", consents, body.formatted("\"POLICE\"" + ",\"POLICE\"".repeat(5_000))),
                "scope[1]",
                "UniqueItems");
        assertProblem(send("POST", consents, body.formatted("\"POLICE\"" + ",\"POLICE\"".repeat(99_999))), 413);
        assertThat(stored("consents", caseId)).isZero();
        // the same scopes once each are taken
        assertThat(send("POST", consents, body.formatted("\"PROGRAMME\",\"POLICE\""))
                        .getStatus())
                .isEqualTo(201);
    }

    /** Defects 4 and 5 at partner support: a null item and a number for a date. */
    @Test
    void aNullItemOrANumberForADateIsRefusedNamingTheField() throws Exception {
        String caseId = newCaseId();
        String track = "/partner-tracks/" + openTrack(mvc, caseId, "Anon Partner");
        assertFieldError(
                send(
                        "POST",
                        track + "/consents",
                        "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":\"2026-01-01\",\"scope\":[\"POLICE\",null]}"),
                "scope[1]",
                "NotNull");
        assertFieldError(
                send(
                        "POST",
                        track + "/consents",
                        "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":12345,\"scope\":[\"POLICE\"]}"),
                "givenOn",
                "Type");
        assertFieldError(
                send(
                        "POST",
                        track + "/disclosures",
                        "{\"disclosedOn\":[2026,1,1],\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\"x\"}"),
                "disclosedOn",
                "Type");
        assertThat(stored("consents", caseId)).isZero();
        assertThat(stored("disclosures", caseId)).isZero();
    }
}
