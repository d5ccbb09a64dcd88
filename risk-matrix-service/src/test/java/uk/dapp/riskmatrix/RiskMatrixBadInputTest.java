package uk.dapp.riskmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertFieldError;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertProblem;

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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ReferenceData;

/** Issue 13's bad input at the risk matrix: each once gave 500, took the service down or was silently changed. */
@ServiceTest
class RiskMatrixBadInputTest {

    private static final String ADMIN = "admin";
    private static final String OM = "offender-manager";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private MockHttpServletResponse send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String role,
            String body)
            throws Exception {
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        // a caller whose team covers the areas these tests register in (ADR 0012)
        return mvc.perform(request.with(TestApi.caller(role, "bad-input-" + role)))
                .andReturn()
                .getResponse();
    }

    private static String offences(int count) {
        StringBuilder offences = new StringBuilder();
        for (int i = 0; i < count; i++) {
            // every offence breaks several rules
            offences.append(i == 0 ? "" : ",")
                    .append(
                            "{\"code\":\"!\",\"description\":\"\",\"crime\":true,\"harmDays\":-1,\"gravityPoints\":-1}");
        }
        return """
                {"label":"bad","windowMonths":36,"recencyBands":[{"from":0,"points":5}],"frequencyBands":[{"from":1,"points":1}],
                 "victimBands":[{"from":1,"points":1}],"dashUplift":{"standard":0,"medium":1,"high":2},"offences":[%s]}""".formatted(offences);
    }

    /** Defect 2: an array of bad items is refused at its maximum, with a short answer; five at once leave the service well. */
    @Test
    void referenceDataWithTooManyBadOffencesIsRefusedShortlyAndFiveAtOnceLeaveTheServiceAnswering() throws Exception {
        long versions = mongo.count(new Query(), ReferenceData.class);
        String tooMany = offences(2001);
        assertFieldError(send(post("/reference-data/versions"), ADMIN, tooMany), "offences", "Size");
        String huge = offences(100_000);
        ExecutorService five = Executors.newFixedThreadPool(5);
        try {
            List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String body = i % 2 == 0 ? huge : tooMany;
                answers.add(five.submit(() -> send(post("/reference-data/versions"), ADMIN, body)));
            }
            for (int i = 0; i < 5; i++) {
                MockHttpServletResponse answer = answers.get(i).get();
                if (i % 2 == 0) {
                    assertProblem(answer, 413);
                } else {
                    assertFieldError(answer, "offences", "Size");
                }
            }
        } finally {
            five.shutdownNow();
        }
        // the most a valid request may carry: every offence broken is listed no further than 25 errors
        MockHttpServletResponse allBad = send(post("/reference-data/versions"), ADMIN, offences(2000));
        assertThat(assertProblem(allBad, 400).get("moreErrors").asInt()).isPositive();
        assertThat(send(get("/reference-data/versions"), ADMIN, null).getStatus())
                .isEqualTo(200);
        assertThat(mongo.count(new Query(), ReferenceData.class)).isEqualTo(versions);
    }

    /** Defect 3: a NUL in a search term gave 500. */
    @Test
    void aControlCharacterInASearchTermIsRefusedNamingIt() throws Exception {
        for (String parameter : List.of("name", "identifier", "area")) {
            assertFieldError(
                    send(get("/nominals").queryParam(parameter, "a\u0000b"), OM, null), parameter, "ControlCharacter");
        }
        assertFieldError(
                send(get("/cohort").queryParam("area", "North\u0000shire"), OM, null), "area", "ControlCharacter");
    }

    /** Defect 4: a null item gave 500 (a NullPointerException in the controller). */
    @Test
    void aNullItemIsRefusedNamingItsIndex() throws Exception {
        String caseId = new TestApi(mvc).register("Nullshire");
        send(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                        "/nominals/" + caseId + "/suitability-facts"),
                OM,
                TestApi.facts(true));
        assertFieldError(
                send(
                        post("/nominals/" + caseId + "/routing/decisions"),
                        OM,
                        "{\"route\":\"ENGAGE\",\"pathways\":[null],\"reason\":\"x\"}"),
                "pathways[0]",
                "NotNull");
        String bands = offences(1).replace("\"recencyBands\":[{\"from\":0,\"points\":5}]", "\"recencyBands\":[null]");
        assertFieldError(send(post("/reference-data/versions"), ADMIN, bands), "recencyBands[0]", "NotNull");
        String nullOffence = offences(1).replaceFirst("\"offences\":\\[", "\"offences\":[null,");
        assertFieldError(send(post("/reference-data/versions"), ADMIN, nullOffence), "offences[0]", "NotNull");
        assertThat(send(get("/nominals/" + caseId + "/routing"), OM, null).getContentAsString())
                .contains("AWAITING_DECISION");
    }

    /** Defect 5: a number was taken for a date ({@code 12345} stored as 2003-10-20). */
    @Test
    void aNumberIsNotADate() throws Exception {
        String policeId = TestApi.newPoliceId();
        assertFieldError(send(post("/nominals"), OM, """
                {"givenName":"Testy","familyName":"Numeric","dateOfBirth":12345,"policeId":"%s","area":"Dateshire"}""".formatted(policeId)), "dateOfBirth", "Type");
        assertThat(mongo.count(Query.query(Criteria.where("policeId").is(policeId)), Nominal.class))
                .isZero();
        String caseId = new TestApi(mvc).register("Dateshire");
        assertFieldError(
                new TestApi(mvc)
                        .addIncident(
                                caseId,
                                TestApi.incident(java.time.LocalDate.now(), "EX-ABH", "VK-0001", "HIGH", true)
                                        .replaceFirst("\"date\":\"[^\"]+\"", "\"date\":12345"))
                        .andReturn()
                        .getResponse(),
                "date",
                "Type");
    }
}
