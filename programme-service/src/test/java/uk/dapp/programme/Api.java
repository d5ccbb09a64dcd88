package uk.dapp.programme;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static uk.dapp.platform.testsupport.Callers.as;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers over MockMvc for the programme's journeys: call as a role, read JSON, assert the status. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final MockMvc mvc;

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public record Reply(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.get(field).asString();
        }
    }

    public Reply call(String method, String path, String role, String user, String json) throws Exception {
        var builder = request(HttpMethod.valueOf(method), path).with(as(role, user));
        if (json != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
        String raw = response.getContentAsString();
        return new Reply(response.getStatus(), raw.isEmpty() ? null : JSON.readTree(raw), raw);
    }

    public Reply expect(int status, String method, String path, String role, String json) throws Exception {
        return expect(status, method, path, role, "test-" + role, json);
    }

    public Reply expect(int status, String method, String path, String role, String user, String json)
            throws Exception {
        Reply reply = call(method, path, role, user, json);
        if (reply.status() != status) {
            throw new AssertionError(method + " " + path + " as " + role + ": expected " + status + " but got "
                    + reply.status() + " " + reply.raw());
        }
        return reply;
    }

    public JsonNode getJson(String path, String role) throws Exception {
        return expect(200, "GET", path, role, null).body();
    }

    /** A referral of a new case; returns its referralId. */
    public String refer(String programme, String sex, boolean mandated, String officer, String risk) throws Exception {
        String body = """
                {"programmeCode":"%s","source":"PROBATION","mandated":%s,"riskLevel":"%s"%s%s}""".formatted(
                        programme,
                        mandated,
                        risk,
                        sex == null ? "" : ",\"sex\":\"" + sex + "\"",
                        officer == null ? "" : ",\"responsibleProbationOfficer\":\"" + officer + "\"");
        return expect(201, "POST", "/referrals", "facilitator", body).text("referralId");
    }

    public Reply assess(String referralId, int motivation) throws Exception {
        return expect(
                201, "POST", "/referrals/" + referralId + "/assessments", "facilitator", """
                {"motivation":%d,"accountability":4,"awareness":4,"mentalHealth":"NO_CONCERN",
                 "substanceMisuse":"MANAGED","riskPosed":"HIGH","groupWorkSuitable":true}""".formatted(motivation));
    }

    /** Enrols a suitable one-to-one referral onto the case manager's caseload, as a facilitator does. */
    public Reply enrolOneToOne(String referralId, String caseManager) throws Exception {
        return expect(
                200,
                "POST",
                "/referrals/" + referralId + "/enrolment",
                "facilitator",
                "{\"caseManager\":\"" + caseManager + "\"}");
    }

    /** A group of the programme with the capacity given (null: the programme's). */
    public String group(String programme, Integer capacity, List<String> facilitators) throws Exception {
        String names =
                String.join(",", facilitators.stream().map(f -> "\"" + f + "\"").toList());
        return expect(201, "POST", "/groups", "service-manager", """
                {"programmeCode":"%s","name":"Group %d","startsOn":"2026-12-01"%s,"facilitators":[%s]}""".formatted(
                                programme,
                                SEQUENCE.incrementAndGet(),
                                capacity == null ? "" : ",\"capacity\":" + capacity,
                                names))
                .text("groupId");
    }

    public String status(String referralId) throws Exception {
        return getJson("/referrals/" + referralId, "facilitator").get("status").asString();
    }

    /** The referral IDs on the user's one-to-one caseload, as they would list it. */
    public List<String> caseload(String user) throws Exception {
        return expect(200, "GET", "/caseload", "facilitator", user, null)
                .body()
                .valueStream()
                .map(e -> e.get("referralId").asString())
                .toList();
    }

    /**
     * Partner support's news that a track of the case opened (or, with {@code held} false, closed), as
     * its outbox relay sends it; answers the status. A partner support worker reads a case's programme
     * status only while one of its tracks is open (ADR 0009).
     */
    public int partnerTrack(String caseId, String trackRef, boolean held, long sequence) throws Exception {
        return call(
                        "PUT",
                        "/case-events/track-holdings/" + java.util.UUID.randomUUID(),
                        "svc-partner-support",
                        "service-account-svc-partner-support",
                        """
                        {"caseId":"%s","trackRef":"%s","held":%s,"sequence":%d}""".formatted(caseId, trackRef, held, sequence))
                .status();
    }

    /** A new open track of the case, as partner support tells it; answers the track's reference. */
    public String partnerTrackOpened(String caseId) throws Exception {
        String ref = java.util.UUID.randomUUID().toString();
        if (partnerTrack(caseId, ref, true, 1) != 204) {
            throw new AssertionError("the track holding was not taken");
        }
        return ref;
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet();
    }

    public MockMvc mvc() {
        return mvc;
    }

    public static JsonNode parse(String raw) {
        return JSON.readTree(raw);
    }
}
