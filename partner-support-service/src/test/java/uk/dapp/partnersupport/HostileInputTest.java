package uk.dapp.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openTrack;
import static uk.dapp.partnersupport.TestTracks.send;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.dapp.platform.testsupport.ServiceTest;

/** Malformed and hostile bodies get 400 naming a field, never a 5xx, and store nothing. */
@ServiceTest
class HostileInputTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Test
    void nullItemsWrongTypesAndHugeValuesAreRefused() throws Exception {
        String caseId = newCaseId();
        String trackId = openTrack(mvc, caseId, "Anon Partner");
        String t = "/partner-tracks/" + trackId;
        String soon = LocalDate.now().plusDays(3).toString();
        record Attempt(MockHttpServletRequestBuilder request, String body) {}
        List<Attempt> attempts = List.of(
                new Attempt(post(t + "/safety-plans"), "{\"actions\":[null],\"reviewOn\":\"" + soon + "\"}"),
                new Attempt(
                        put(t + "/household"),
                        "{\"childrenCount\":1,\"ageBands\":[null],\"socialCare\":\"NONE\",\"version\":0}"),
                new Attempt(
                        post(t + "/consents"),
                        "{\"type\":\"INFORMATION_SHARING\",\"givenOn\":\"2026-01-01\",\"scope\":[null]}"),
                new Attempt(
                        post(t + "/dash-assessments"),
                        "{\"answers\":[" + "null,".repeat(23)
                                + "null],\"completedOn\":\"2026-01-01\",\"incidentsInLast12Months\":0}"),
                new Attempt(
                        post(t + "/dash-assessments"),
                        "{\"answers\":\"YES\",\"completedOn\":\"2026-01-01\",\"incidentsInLast12Months\":0}"),
                new Attempt(
                        post(t + "/disclosures"),
                        "{\"disclosedOn\":\"yesterday\",\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\"x\"}"),
                new Attempt(
                        post(t + "/disclosures"),
                        "{\"disclosedOn\":\"2026-01-01\",\"category\":\"PHYSICAL\",\"riskLevel\":\"HIGH\",\"account\":\""
                                + "x".repeat(10001) + "\"}"),
                new Attempt(
                        put(t + "/safe-contact"),
                        "{\"safeNumber\":12345678,\"safeTimes\":[],\"mayLeaveMessage\":\"perhaps\",\"codeWord\":\"a\",\"version\":0}"),
                new Attempt(
                        post(t + "/outcomes"),
                        "{\"point\":\"INTAKE\",\"recordedOn\":\"2026-01-01\",\"measures\":null}"),
                new Attempt(post(t + "/closure"), "{\"reason\":\"OTHER\",\"version\":-1}"),
                new Attempt(post(t + "/contact-attempts"), "not json at all"),
                new Attempt(put(t + "/allocation"), "{\"allocatedWorker\":\"" + "w".repeat(101) + "\",\"version\":0}"));
        List<String> problems = new ArrayList<>();
        for (Attempt attempt : attempts) {
            MvcResult result = send(mvc, attempt.request(), attempt.body()).andReturn();
            String answer = result.getResponse().getContentAsString();
            if (result.getResponse().getStatus() != 400 || !answer.contains("\"field\"")) {
                problems.add(result.getResponse().getStatus() + " for "
                        + attempt.body()
                                .substring(0, Math.min(80, attempt.body().length())) + " -> " + answer);
            }
        }
        assertThat(problems).isEmpty();
        for (String collection : List.of(
                "safety_plans",
                "households",
                "consents",
                "dash_assessments",
                "disclosures",
                "safe_contacts",
                "partner_outcomes",
                "contact_attempts",
                uk.dapp.platform.outbox.OutboxMessage.COLLECTION)) {
            assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), collection))
                    .as(collection)
                    .isZero();
        }
    }
}
