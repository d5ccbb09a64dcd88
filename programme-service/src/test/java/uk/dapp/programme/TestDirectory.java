package uk.dapp.programme;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import uk.dapp.platform.notification.Directory;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.problem.DependencyUnavailableException;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.Callers;

/**
 * Keycloak's people as tests set them: who holds a role in a team (the service reads the real one,
 * {@code KeycloakDirectory}, which end-to-end tests reach). The context is shared, so tests add
 * people under unique names and never remove them.
 */
public final class TestDirectory implements Directory {

    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private volatile boolean down;

    /** Keycloak stops answering, as the real directory reports it, until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Makes the user a member of the team holding the role. */
    public void add(String team, String role, String username) {
        members.computeIfAbsent(key(role, team), k -> ConcurrentHashMap.newKeySet())
                .add(username.toLowerCase(Locale.ROOT));
    }

    /** A new facilitator of the callers' team, under a unique name: someone a one-to-one case may be enrolled onto. */
    public String newCaseManager() {
        String username = Api.unique("cm");
        add(Callers.TEAM, Roles.FACILITATOR, username);
        return username;
    }

    /**
     * Three people no case of the callers' team may be put with: someone Keycloak does not know, a
     * facilitator of another team and an offender manager of the team.
     */
    public List<String> notCaseManagersOfTheTeam() {
        String otherTeams = Api.unique("cm");
        String offenderManager = Api.unique("om");
        add(Callers.OTHER_TEAM, Roles.FACILITATOR, otherTeams);
        add(Callers.TEAM, Roles.OFFENDER_MANAGER, offenderManager);
        return List.of(Api.unique("cm"), otherTeams, offenderManager);
    }

    @Override
    public List<Person> people(Recipient recipient) {
        if (down) {
            throw new DependencyUnavailableException("Keycloak's directory could not be reached");
        }
        if (recipient.user() != null) {
            return List.of(new Person("id-" + recipient.user(), recipient.user(), null));
        }
        return members.getOrDefault(key(recipient.role(), recipient.team()), Set.of()).stream()
                .map(username -> new Person("id-" + username, username, null))
                .toList();
    }

    private static String key(String role, String team) {
        return role + "@" + (team == null ? "" : team.toLowerCase(Locale.ROOT));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        TestDirectory testDirectory() {
            return new TestDirectory();
        }
    }
}
