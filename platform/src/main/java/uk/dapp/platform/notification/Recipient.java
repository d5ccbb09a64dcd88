package uk.dapp.platform.notification;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import uk.dapp.platform.security.CurrentUser;

/**
 * Who a notification is for: one named user, or everyone of a realm role in a team, in an area (an
 * offender manager's nominals are by area), or in every team (what no team holds yet). Each recipient
 * has one {@link #key() key}, and a caller reads the notifications whose keys meet theirs
 * ({@link #keysOf}), so who may read is one indexed {@code $in} and nothing else. Team and area names
 * are compared ignoring case, as {@link uk.dapp.platform.team.CaseScope} does.
 */
public record Recipient(
        @Nullable String user,
        @Nullable String role,
        @Nullable String team,
        @Nullable String area) {

    public Recipient {
        int given = (user == null ? 0 : 1) + (role == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("a recipient is one user or one role");
        }
        if (user != null && (team != null || area != null)) {
            throw new IllegalArgumentException("a named user needs no team or area");
        }
        if (team != null && area != null) {
            throw new IllegalArgumentException("a role in a team or in an area, not both");
        }
    }

    public static Recipient user(String username) {
        return new Recipient(username, null, null, null);
    }

    /** Everyone of the role in the team; in every team when {@code team} is null. */
    public static Recipient role(String role, @Nullable String team) {
        return new Recipient(null, role, team, null);
    }

    public static Recipient roleInArea(String role, String area) {
        return new Recipient(null, role, null, area);
    }

    /** Whether this names everyone of a role in every team. */
    public boolean everyTeam() {
        return role != null && team == null && area == null;
    }

    public String key() {
        if (user != null) {
            return "user:" + user;
        }
        if (team != null) {
            return "role:" + role + "@team:" + fold(team);
        }
        if (area != null) {
            return "role:" + role + "@area:" + fold(area);
        }
        return "role:" + role + "@every-team";
    }

    /** The keys of every recipient the caller is: themselves, and each of their roles in each of their teams and areas. */
    public static Set<String> keysOf(CurrentUser caller) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(user(caller.username()).key());
        for (String role : caller.roles()) {
            keys.add(role(role, null).key());
            caller.teams().forEach(team -> keys.add(role(role, team).key()));
            caller.areas().forEach(area -> keys.add(roleInArea(role, area).key()));
        }
        return keys;
    }

    private static String fold(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
