package uk.dapp.riskmatrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.testsupport.Callers;

/** Terse calls to the service as an offender manager, for the integration tests. */
public final class TestApi {

    private static final AtomicInteger POLICE_NUMBERS = new AtomicInteger(500_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Every area these tests register nominals in (each test keeps its nominals apart in an area of
     * its own): the callers made here belong to a team covering them all, as offender managers see
     * only the nominals of their areas (ADR 0012).
     */
    private static final Set<String> AREAS = ConcurrentHashMap.newKeySet();

    static {
        AREAS.add(Callers.AREA);
    }

    private final MockMvc mvc;

    /** Adds an area to those the test team covers, for a test that registers its nominals itself. */
    public static void useArea(String area) {
        AREAS.add(area);
    }

    /** A caller of the test team, whose team covers every area the tests use. */
    public static RequestPostProcessor caller(String role, String username) {
        return Callers.as(role, username, List.of(Callers.TEAM), List.copyOf(AREAS));
    }

    public TestApi(MockMvc mvc) {
        this.mvc = mvc;
    }

    public static JsonNode json(ResultActions result) throws Exception {
        return JSON.readTree(result.andReturn().getResponse().getContentAsString());
    }

    public static String newPoliceId() {
        return "22/" + POLICE_NUMBERS.incrementAndGet() + "B";
    }

    public String register(String givenName, String familyName, LocalDate dob, String area) throws Exception {
        return register(givenName, familyName, dob, area, newPoliceId());
    }

    public String register(String givenName, String familyName, LocalDate dob, String area, String policeId)
            throws Exception {
        AREAS.add(area.strip());
        ResultActions result =
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/nominals")
                        .with(caller("offender-manager", "om-test"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"givenName":"%s","familyName":"%s","dateOfBirth":"%s","policeId":"%s","area":"%s"}""".formatted(givenName, familyName, dob, policeId, area)));
        JsonNode node = json(result);
        if (result.andReturn().getResponse().getStatus() != 201) {
            throw new AssertionError(
                    "register answered " + result.andReturn().getResponse().getStatus() + ": " + node);
        }
        return node.get("caseId").asString();
    }

    public String register(String area) throws Exception {
        return register("Testy", "Nominal", LocalDate.of(1985, 5, 5), area);
    }

    public static String incident(LocalDate date, String offence, String victim, String dash, boolean crime) {
        return """
                {"date":"%s","type":"DOMESTIC_ABUSE","offenceCode":"%s","victimKey":"%s","dashLevel":"%s",
                 "crime":%s,"outcome":"CHARGED"}""".formatted(date, offence, victim, dash, crime);
    }

    public ResultActions addIncident(String caseId, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/nominals/" + caseId + "/incidents")
                .with(caller("offender-manager", "om-test"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    public JsonNode addDaIncident(String caseId, LocalDate date, String offence, String victim) throws Exception {
        ResultActions result = addIncident(caseId, incident(date, offence, victim, "HIGH", true));
        if (result.andReturn().getResponse().getStatus() != 201) {
            throw new AssertionError(
                    "addIncident answered " + result.andReturn().getResponse().getStatus() + ": "
                            + result.andReturn().getResponse().getContentAsString());
        }
        return json(result);
    }

    public ResultActions get(String path, String role) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                .with(caller(role, "user-" + role)));
    }

    public ResultActions post(String path, String role, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(caller(role, "user-" + role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    public ResultActions put(String path, String role, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                .with(caller(role, "user-" + role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    /**
     * An offender manager records the nominal as willing, then decides his route with a reason (so a
     * decision against the recommendation is taken too); the decision must be accepted.
     */
    public void decideAsOffenderManager(String caseId, String route) throws Exception {
        put("/nominals/" + caseId + "/suitability-facts", "offender-manager", facts(true));
        int status = post(
                        "/nominals/" + caseId + "/routing/decisions",
                        "offender-manager",
                        "{\"route\":\"" + route + "\",\"reason\":\"the offender manager's judgement\"}")
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).isEqualTo(200);
    }

    public static String facts(boolean willing) {
        return """
                {"willingToEngage":%s,"consentsToGpsTag":false,"drugMisuse":true,"alcoholMisuse":false,
                 "housingNeed":false,"inCustody":false,"existingOrders":false}""".formatted(willing);
    }

    private static final AtomicLong CATALOGUE_SEQUENCE = new AtomicLong(1_000);

    /**
     * programme-service's shipped catalogue, told to the matrix as its outbox relay tells it (each call
     * newer than the last, so it also undoes a test's change): Drive takes men and women at HIGH risk,
     * the Change group men at any level, the women's group women at STANDARD or MEDIUM; all 18 or over.
     */
    public void shippedCatalogue() throws Exception {
        programmeTells("DRIVE-1TO1", "DRIVE", "\"MALE\",\"FEMALE\"", "\"HIGH\"");
        programmeTells("CHANGE-GROUP", "CHANGE_PROGRAMME", "\"MALE\"", "\"STANDARD\",\"MEDIUM\",\"HIGH\"");
        programmeTells("WOMEN-GROUP", "WOMENS_GROUP", "\"FEMALE\"", "\"STANDARD\",\"MEDIUM\"");
    }

    /** One programme's eligibility as programme-service tells it (sexes and risk levels as JSON array items). */
    public void programmeTells(String code, String pathway, String sexes, String riskLevels) throws Exception {
        int status = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/case-events/programme-eligibility/" + java.util.UUID.randomUUID())
                        .with(Callers.as("svc-programme", "service-account-svc-programme", List.of(), List.of()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"programmeCode":"%s","programmeName":"%s","pathways":["%s"],"sexes":[%s],"minimumAge":18,
                         "riskLevels":[%s],"sequence":%d}""".formatted(
                                        code, code, pathway, sexes, riskLevels, CATALOGUE_SEQUENCE.incrementAndGet())))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status != 204) {
            throw new AssertionError("the programme's eligibility was answered " + status);
        }
    }
}
