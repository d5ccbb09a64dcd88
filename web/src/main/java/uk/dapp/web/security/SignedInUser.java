package uk.dapp.web.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Who is signed in, as the pages show them: username, name and roles (from the ID token). */
public record SignedInUser(String username, String name, Set<Role> roles) {

    public static SignedInUser of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            Role.ofAuthority(authority.getAuthority()).ifPresent(roles::add);
        }
        String name = authentication.getName();
        if (authentication.getPrincipal() instanceof OidcUser oidc && oidc.getFullName() != null) {
            name = oidc.getFullName();
        }
        return new SignedInUser(authentication.getName(), name, Set.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The roles in the order of {@link Role}, for the header and the home page. */
    public java.util.List<Role> rolesInOrder() {
        return roles.stream().sorted().toList();
    }
}
