package uk.dapp.platform.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.problem.DependencyUnavailableException;

/**
 * The directory against WireMock standing in for Keycloak's admin API: a team's members are read
 * from that team's group alone, and a Keycloak that cannot answer is a dependency unavailable (a 503
 * to a web caller, a retry to an outbox delivery), never an internal error.
 */
class KeycloakDirectoryTest {

    private static final String ADMIN = "/admin/realms/dapp";

    private WireMockServer keycloak;
    private KeycloakDirectory directory;

    @BeforeEach
    void start() {
        keycloak = new WireMockServer(options().dynamicPort());
        keycloak.start();
        keycloak.stubFor(post(urlEqualTo("/token"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"access_token\":\"service-token\",\"token_type\":\"Bearer\",\"expires_in\":300}")));
        ServiceAccount account = ServiceAccount.clientCredentials(
                URI.create(keycloak.baseUrl() + "/token"),
                "svc-test",
                "secret",
                Clock.systemUTC(),
                Duration.ofSeconds(5),
                RestClient.builder());
        directory = new KeycloakDirectory(
                URI.create(keycloak.baseUrl() + ADMIN), account, Duration.ofSeconds(5), RestClient.builder());
    }

    @AfterEach
    void stop() {
        keycloak.stop();
    }

    @Test
    void aTeamsFacilitatorsAreReadFromThatTeamsGroupOnly() {
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/groups"))
                .withQueryParam("search", equalTo("north"))
                .withQueryParam("exact", equalTo("true"))
                .willReturn(
                        json("[{\"id\":\"g-north\",\"name\":\"north\",\"attributes\":{\"area\":[\"Northshire\"]}}]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/groups/g-north/members"))
                .willReturn(json("[{\"id\":\"u-1\",\"username\":\"facilitator-one\",\"email\":\"One@Example.invalid\"},"
                        + "{\"id\":\"u-2\",\"username\":\"offender-manager-two\"}]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users/u-1/role-mappings/realm/composite"))
                .willReturn(json("[{\"name\":\"facilitator\"}]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users/u-2/role-mappings/realm/composite"))
                .willReturn(json("[{\"name\":\"offender-manager\"}]")));

        assertThat(directory.people(Recipient.role("facilitator", "north")))
                .containsExactly(new Directory.Person("u-1", "facilitator-one", "one@example.invalid"));
        keycloak.verify(1, getRequestedFor(urlPathEqualTo(ADMIN + "/groups")));
        keycloak.verify(getRequestedFor(urlPathEqualTo(ADMIN + "/groups"))
                .withHeader("Authorization", equalTo("Bearer service-token")));
    }

    @Test
    void whetherSomeoneWorksATeamIsReadFromTheirOwnGroupsAndRolesNotTheTeamsWholeList() {
        stubUser("u-1", "facilitator-one");
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users/u-1/groups"))
                .willReturn(json("[{\"id\":\"g-south\",\"name\":\"south\"},"
                        + "{\"id\":\"g-north\",\"name\":\"north\",\"attributes\":{\"area\":[\"Northshire\"]}}]")));
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users/u-1/role-mappings/realm/composite"))
                .willReturn(json("[{\"name\":\"default-roles-dapp\"},{\"name\":\"facilitator\"}]")));

        assertThat(directory.includes(Recipient.role("facilitator", "North"), "Facilitator-One"))
                .isTrue();
        assertThat(directory.includes(Recipient.roleInArea("facilitator", "northshire"), "facilitator-one"))
                .isTrue();
        assertThat(directory.includes(Recipient.role("service-manager", "north"), "facilitator-one"))
                .as("in the team without the role")
                .isFalse();
        assertThat(directory.includes(Recipient.role("facilitator", "east"), "facilitator-one"))
                .as("with the role outside the team")
                .isFalse();
        keycloak.verify(getRequestedFor(urlPathEqualTo(ADMIN + "/users"))
                .withQueryParam("username", equalTo("Facilitator-One"))
                .withQueryParam("exact", equalTo("true")));
        keycloak.verify(0, getRequestedFor(urlPathEqualTo(ADMIN + "/groups")));
    }

    @Test
    void someoneKeycloakDoesNotKnowWorksNoTeam() {
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users"))
                .withQueryParam("username", equalTo("left-last-year"))
                .willReturn(json("[]")));

        assertThat(directory.includes(Recipient.role("facilitator", "north"), "left-last-year"))
                .isFalse();
        keycloak.verify(1, getRequestedFor(urlPathEqualTo(ADMIN + "/users")));
    }

    @Test
    void keycloakAnsweringAnErrorIsADependencyUnavailable() {
        keycloak.stubFor(
                get(urlPathEqualTo(ADMIN + "/groups")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> directory.people(Recipient.role("facilitator", "north")))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("answered HTTP 500")
                .hasMessageNotContaining("north");
    }

    @Test
    void keycloakDroppingTheConnectionIsADependencyUnavailable() {
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> directory.people(Recipient.user("someone")))
                .isInstanceOf(DependencyUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    private void stubUser(String id, String username) {
        keycloak.stubFor(get(urlPathEqualTo(ADMIN + "/users"))
                .willReturn(json("[{\"id\":\"" + id + "\",\"username\":\"" + username + "\"}]")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
