package uk.dapp.programme.team;

import java.util.List;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.dapp.platform.notification.Directory;
import uk.dapp.platform.notification.Recipient;
import uk.dapp.platform.security.Roles;

/**
 * Who works a team's cases: the members of the team's Keycloak group holding the facilitator or the
 * service-manager role (a service manager does everything a facilitator does). Read from the
 * platform's {@link Directory} each time, so a change in Keycloak holds at once (ADR 0016).
 */
@Component
public class TeamFacilitators {

    private final Directory directory;

    TeamFacilitators(Directory directory) {
        this.directory = directory;
    }

    /** Their usernames, in order. */
    public List<String> of(String team) {
        TreeSet<String> usernames = new TreeSet<>();
        for (String role : List.of(Roles.FACILITATOR, Roles.SERVICE_MANAGER)) {
            directory.people(Recipient.role(role, team)).forEach(person -> usernames.add(person.username()));
        }
        return List.copyOf(usernames);
    }

    /** Whether the user works the team's cases: their own groups and roles, not the team's whole list. */
    public boolean includes(String team, String username) {
        return directory.includes(Recipient.role(Roles.FACILITATOR, team), username)
                || directory.includes(Recipient.role(Roles.SERVICE_MANAGER, team), username);
    }
}
