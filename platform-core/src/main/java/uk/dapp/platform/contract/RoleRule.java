package uk.dapp.platform.contract;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the roles out of a handler's {@code @PreAuthorize} expression, so conformance tests can
 * hold it to the contract's {@code x-roles}. Only plain {@code hasRole('a')} and
 * {@code hasAnyRole('a', 'b')} rules are understood; anything cleverer is reported as such, so a
 * test comparing role sets fails on it.
 */
public final class RoleRule {

    private static final Pattern ROLE_RULE = Pattern.compile("hasA?n?y?Role\\(((?:'[a-z-]+',?\\s*)+)\\)");
    private static final Pattern QUOTED = Pattern.compile("'([a-z-]+)'");

    private RoleRule() {}

    public static Set<String> rolesIn(String expression) {
        Set<String> roles = new TreeSet<>();
        Matcher rule = ROLE_RULE.matcher(expression);
        if (!rule.matches()) {
            return Set.of("<not a plain hasRole/hasAnyRole rule: " + expression + ">");
        }
        Matcher quoted = QUOTED.matcher(rule.group(1));
        while (quoted.find()) {
            roles.add(quoted.group(1));
        }
        return roles;
    }
}
