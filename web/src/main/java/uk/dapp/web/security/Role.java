package uk.dapp.web.security;

import java.util.Optional;

/**
 * The Keycloak realm roles (docs/domain/roles.md), as the web app names them to people. The web
 * app uses a role only to choose what to show (navigation, home page); the gateway and the
 * services decide what the user may do.
 */
public enum Role {
    OFFENDER_MANAGER("offender-manager", "Offender manager"),
    FACILITATOR("facilitator", "Facilitator"),
    SERVICE_MANAGER("service-manager", "Service manager"),
    PARTNER_SUPPORT_WORKER("partner-support-worker", "Partner support worker"),
    EVALUATOR("evaluator", "Evaluator"),
    ADMIN("admin", "Admin");

    private final String realmRole;
    private final String label;

    Role(String realmRole, String label) {
        this.realmRole = realmRole;
        this.label = label;
    }

    public String realmRole() {
        return realmRole;
    }

    public String label() {
        return label;
    }

    /** A role that works cases day to day (evaluators and admins do not): it has notifications and work lists. */
    public boolean caseWork() {
        return this != EVALUATOR && this != ADMIN;
    }

    /** Spring Security's authority for the role. */
    public String authority() {
        return "ROLE_" + realmRole;
    }

    public static Optional<Role> ofRealmRole(String name) {
        for (Role role : values()) {
            if (role.realmRole.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public static Optional<Role> ofAuthority(String authority) {
        return authority.startsWith("ROLE_") ? ofRealmRole(authority.substring(5)) : Optional.empty();
    }
}
