package uk.dapp.platform.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.platform.calls.ServiceAccount;
import uk.dapp.platform.problem.DependencyUnavailableException;

/**
 * Email addresses from Keycloak, the one place people are kept (ADR 0016): the admin REST API, read
 * with the service's own account, which holds the realm-management role {@code view-users} and
 * nothing more. A named user is found by username; everyone of a role in a team is the members of the
 * team's group holding the realm role (effective, so through composites too); in an area, the members
 * of every group whose {@code area} attribute names it; in every team, the members of every group.
 * A team's group is looked up by its exact name, so a check on one team reads that group only.
 * Nothing is cached: a change in Keycloak holds for the next email or check. When Keycloak cannot
 * answer, {@link DependencyUnavailableException}: a web request gets a 503, an outbox delivery retries.
 */
public final class KeycloakDirectory implements Directory {

    private static final int MAX_MEMBERS = 1000;

    private final URI adminBase;
    private final RestClient rest;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param adminBase the realm's admin API, e.g. {@code http://127.0.0.1:8180/admin/realms/dapp}
     * @param builder   the builder its requests are made with (the auto-configured one, observed)
     */
    public KeycloakDirectory(URI adminBase, ServiceAccount account, Duration timeout, RestClient.Builder builder) {
        this.adminBase = adminBase;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.rest = builder.requestFactory(requests)
                .requestInterceptor(account.interceptor())
                .build();
    }

    /** The admin API of the realm whose issuer URI is given ({@code .../realms/dapp} becomes {@code .../admin/realms/dapp}). */
    public static URI adminBaseOf(String issuer) {
        int realms = issuer.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak issuer: " + issuer);
        }
        return URI.create(issuer.substring(0, realms) + "/admin" + issuer.substring(realms));
    }

    @Override
    public List<Person> people(Recipient recipient) {
        if (recipient.user() != null) {
            List<Person> found = new ArrayList<>();
            for (JsonNode user :
                    get("/users?exact=true&briefRepresentation=true&username=" + encode(recipient.user()))) {
                found.add(person(user));
            }
            return found;
        }
        Map<String, Person> members = new LinkedHashMap<>();
        String groups = recipient.team() != null
                ? "/groups?briefRepresentation=false&exact=true&search=" + encode(recipient.team()) + "&max="
                        + MAX_MEMBERS
                : "/groups?briefRepresentation=false&max=" + MAX_MEMBERS;
        for (JsonNode group : get(groups)) {
            if (!covers(group, recipient)) {
                continue;
            }
            for (JsonNode member : get(
                    "/groups/" + group.get("id").asString() + "/members?briefRepresentation=true&max=" + MAX_MEMBERS)) {
                Person person = person(member);
                if (!members.containsKey(person.userId()) && hasRole(person.userId(), recipient.role())) {
                    members.put(person.userId(), person);
                }
            }
        }
        return List.copyOf(members.values());
    }

    /**
     * The user's own groups and roles, not every member's: three calls however large the team, where
     * {@link #people} makes one role lookup per member (this is on enrolment's request path).
     */
    @Override
    public boolean includes(Recipient recipient, String username) {
        if (recipient.user() != null) {
            return recipient.user().equalsIgnoreCase(username);
        }
        JsonNode users = get("/users?exact=true&briefRepresentation=true&username=" + encode(username));
        if (users.isEmpty()) {
            return false;
        }
        String userId = users.get(0).get("id").asString();
        return inGroupCovering(userId, recipient) && hasRole(userId, recipient.role());
    }

    private boolean inGroupCovering(String userId, Recipient recipient) {
        for (JsonNode group : get("/users/" + userId + "/groups?briefRepresentation=false&max=" + MAX_MEMBERS)) {
            if (covers(group, recipient)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(JsonNode group, Recipient recipient) {
        if (recipient.team() != null) {
            return group.get("name").asString().equalsIgnoreCase(recipient.team());
        }
        if (recipient.area() != null) {
            JsonNode areas = group.path("attributes").path("area");
            for (JsonNode area : areas) {
                if (area.asString().equalsIgnoreCase(recipient.area())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private boolean hasRole(String userId, String role) {
        for (JsonNode mapping : get("/users/" + userId + "/role-mappings/realm/composite?briefRepresentation=true")) {
            if (mapping.get("name").asString().equals(role)) {
                return true;
            }
        }
        return false;
    }

    private static Person person(JsonNode user) {
        JsonNode email = user.get("email");
        return new Person(
                user.get("id").asString(),
                user.get("username").asString(),
                email == null || email.isNull() ? null : email.asString().toLowerCase(Locale.ROOT));
    }

    private JsonNode get(String path) {
        try {
            return rest.get()
                    .uri(URI.create(adminBase + path))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() != 200) {
                            throw new DependencyUnavailableException("Keycloak's directory answered HTTP "
                                    + response.getStatusCode().value() + " to " + path.replaceAll("\\?.*", ""));
                        }
                        return json.readTree(response.getBody());
                    });
        } catch (RestClientException e) {
            throw new DependencyUnavailableException("Keycloak's directory could not be reached", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
