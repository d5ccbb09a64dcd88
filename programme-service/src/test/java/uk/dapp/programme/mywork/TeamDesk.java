package uk.dapp.programme.mywork;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.programme.Api;
import uk.dapp.programme.TestDirectory;

/**
 * A team of its own for one test (the store is shared by every test class, and "my work" lists what
 * a whole team holds): its facilitator, a second facilitator, its service manager, and the calls they
 * make.
 */
final class TeamDesk {

    final String team = Api.unique("team");
    final String facilitator = Api.unique("fac");
    final String otherFacilitator = Api.unique("fac");
    final String manager = Api.unique("sm");
    private final MockMvc mvc;

    /** The team's people are in the directory as Keycloak would hold them: who its cases may be enrolled onto. */
    TeamDesk(MockMvc mvc, TestDirectory directory) {
        this.mvc = mvc;
        directory.add(team, Roles.FACILITATOR, facilitator);
        directory.add(team, Roles.FACILITATOR, otherFacilitator);
        directory.add(team, Roles.SERVICE_MANAGER, manager);
    }

    JsonNode expect(int status, String method, String path, String role, String user, String json) throws Exception {
        return expect(status, method, path, role, user, team, json);
    }

    JsonNode expect(int status, String method, String path, String role, String user, String inTeam, String json)
            throws Exception {
        var builder =
                request(HttpMethod.valueOf(method), path).with(Callers.as(role, user, List.of(inTeam), List.of()));
        if (json != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
        if (response.getStatus() != status) {
            throw new AssertionError(method + " " + path + " as " + user + ": expected " + status + " but got "
                    + response.getStatus() + " " + response.getContentAsString());
        }
        String raw = response.getContentAsString();
        return raw.isEmpty() ? null : Api.parse(raw);
    }

    /** A voluntary referral of a new case with who the person is; answers the referral. */
    JsonNode refer(String programme, String givenName) throws Exception {
        return expect(201, "POST", "/referrals", "facilitator", facilitator, """
                {"programmeCode":"%s","source":"SELF","mandated":false,"riskLevel":"HIGH","sex":"MALE",
                 "participant":{"givenName":"%s","familyName":"McExample","dateOfBirth":"1985-03-14"}}""".formatted(programme, givenName));
    }

    void assessSuitable(String referralId) throws Exception {
        expect(201, "POST", "/referrals/" + referralId + "/assessments", "facilitator", facilitator, """
                {"motivation":4,"accountability":4,"awareness":4,"mentalHealth":"NO_CONCERN",
                 "substanceMisuse":"MANAGED","riskPosed":"HIGH","groupWorkSuitable":true}""");
    }

    /** Enrolled onto the case manager's one-to-one caseload. */
    JsonNode enrolOneToOne(String referralId, String caseManager) throws Exception {
        return expect(
                200,
                "POST",
                "/referrals/" + referralId + "/enrolment",
                "facilitator",
                facilitator,
                "{\"caseManager\":\"" + caseManager + "\"}");
    }

    String group(String programme, int capacity, String... facilitators) throws Exception {
        String names = String.join(
                ",",
                java.util.Arrays.stream(facilitators).map(f -> "\"" + f + "\"").toList());
        return expect(201, "POST", "/groups", "service-manager", manager, """
                {"programmeCode":"%s","name":"%s","startsOn":"2026-12-01","capacity":%d,"facilitators":[%s]}""".formatted(
                                programme, Api.unique("Group"), capacity, names))
                .get("groupId")
                .asString();
    }

    JsonNode work(String role, String user) throws Exception {
        return expect(200, "GET", "/my-work?limit=50", role, user, null);
    }

    static List<JsonNode> items(JsonNode section) {
        return section.get("items").valueStream().toList();
    }

    static List<String> field(JsonNode section, String field) {
        return items(section).stream().map(item -> item.get(field).asString()).toList();
    }
}
