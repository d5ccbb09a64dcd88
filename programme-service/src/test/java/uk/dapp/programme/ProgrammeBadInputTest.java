package uk.dapp.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.platform.testsupport.Callers.as;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertFieldError;
import static uk.dapp.platform.testsupport.ProblemAssertions.assertProblem;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.outbox.OutboxMessage;

/** Issue 13's bad input at the programme service: each once gave 500, a 9 MB answer, or was silently changed. */
@ProgrammeServiceTest
class ProgrammeBadInputTest {

    private static final String FACILITATOR = "facilitator";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private MockHttpServletResponse send(String method, String path, String role, String body) throws Exception {
        return mvc.perform(request(HttpMethod.valueOf(method), path)
                        .with(as(role))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andReturn()
                .getResponse();
    }

    private static String referral(String partners) {
        return "{\"programmeCode\":\"CHANGE-GROUP\",\"source\":\"SELF\",\"mandated\":false,\"riskLevel\":\"MEDIUM\","
                + "\"sex\":\"MALE\",\"partners\":[" + partners + "]}";
    }

    private Map<String, Long> counts() {
        return Map.of(
                "referrals",
                mongo.count(new Query(), "referrals"),
                "groups",
                mongo.count(new Query(), "groups"),
                "programmes",
                mongo.count(new Query(), "programmes"),
                "sessions",
                mongo.count(new Query(), "sessions"),
                "outbox",
                mongo.count(new Query(), OutboxMessage.COLLECTION));
    }

    /** Defect 2: 100,000 partners each breaking a rule gave a 9 MB answer listing every error. */
    @Test
    void partnersPastTheirMaximumAreRefusedShortly() throws Exception {
        Map<String, Long> before = counts();
        assertProblem(send("POST", "/referrals", FACILITATOR, referral("{}" + ",{}".repeat(99_999))), 413);
        // within the body limit, still far past the maximum of 10: refused at the eleventh, one short error
        assertFieldError(
                send("POST", "/referrals", FACILITATOR, referral("{}" + ",{}".repeat(19_999))), "partners", "Size");
        assertThat(counts()).isEqualTo(before);
    }

    /** Defect 4: a null item gave 500 (a NullPointerException in the controller). */
    @Test
    void aNullItemIsRefusedNamingItsIndex() throws Exception {
        Map<String, Long> before = counts();
        assertFieldError(send("POST", "/referrals", FACILITATOR, referral("null")), "partners[0]", "NotNull");
        String referralId = new Api(mvc).refer("CHANGE-GROUP", "MALE", false, null, "MEDIUM");
        Map<String, Long> withReferral = counts();
        assertFieldError(
                send(
                        "POST",
                        "/referrals/" + referralId + "/partners",
                        FACILITATOR,
                        "{\"partners\":[{\"relationship\":\"EX_PARTNER\",\"name\":\"Anon\"},null]}"),
                "partners[1]",
                "NotNull");
        assertFieldError(
                send(
                        "POST",
                        "/groups",
                        "service-manager",
                        "{\"programmeCode\":\"CHANGE-GROUP\",\"name\":\"Null night\",\"startsOn\":\"2026-01-15\",\"facilitators\":[null]}"),
                "facilitators[0]",
                "NotNull");
        String programme = """
                {"code":"NULL-TEST","name":"Nulls","type":"GROUP","sessionCount":10,"sessionLengthMinutes":120,
                 "durationWeeks":10,"eligibility":{"sexes":%s,"minimumAge":18,"riskLevels":%s},"groupCapacity":10,
                 "caseloadLimit":10,"nonComplianceThreshold":3,"miSessionCap":3}""";
        assertFieldError(
                send("POST", "/programmes", "admin", programme.formatted("[null]", "[\"HIGH\"]")),
                "eligibility.sexes[0]",
                "NotNull");
        assertFieldError(
                send("POST", "/programmes", "admin", programme.formatted("[\"MALE\"]", "[\"HIGH\",null]")),
                "eligibility.riskLevels[1]",
                "NotNull");
        assertThat(counts()).isEqualTo(withReferral);
        assertThat(withReferral.get("referrals")).isEqualTo(before.get("referrals") + 1);
    }

    /** Defect 5: a number was taken for a date or time ({@code "scheduledAt": 12345} stored as 1970-01-01T03:25:45Z). */
    @Test
    void aNumberIsNotADateOrATime() throws Exception {
        Map<String, Long> before = counts();
        String groupId = new Api(mvc).group("CHANGE-GROUP", null, java.util.List.of("fac-" + System.nanoTime()));
        Map<String, Long> withGroup = counts();
        assertFieldError(
                send("POST", "/sessions", FACILITATOR, "{\"groupId\":\"" + groupId + "\",\"scheduledAt\":12345}"),
                "scheduledAt",
                "Type");
        assertFieldError(
                send(
                        "POST",
                        "/referrals",
                        FACILITATOR,
                        referral("").replace("\"sex\":\"MALE\"", "\"sex\":\"MALE\",\"dateOfBirth\":12345")),
                "dateOfBirth",
                "Type");
        assertFieldError(
                send(
                        "POST",
                        "/groups",
                        "service-manager",
                        "{\"programmeCode\":\"CHANGE-GROUP\",\"name\":\"Epoch\",\"startsOn\":20000}"),
                "startsOn",
                "Type");
        assertThat(counts()).isEqualTo(withGroup);
        assertThat(withGroup.get("groups")).isEqualTo(before.get("groups") + 1);
    }
}
