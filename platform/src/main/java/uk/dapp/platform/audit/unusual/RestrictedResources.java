package uk.dapp.platform.audit.unusual;

import java.util.Set;

/**
 * Resource types (as written in audit records) that a service keeps for certain roles. A service
 * declares one as a bean for each such group (partner support: every partner-track resource, for
 * partner support workers); a read of one by a caller holding none of the roles is unusual, even
 * when something let it through.
 */
public record RestrictedResources(Set<String> resourceTypes, Set<String> allowedRoles) {

    public RestrictedResources {
        resourceTypes = Set.copyOf(resourceTypes);
        allowedRoles = Set.copyOf(allowedRoles);
        if (resourceTypes.isEmpty() || allowedRoles.isEmpty()) {
            throw new IllegalArgumentException("restricted resources name at least one resource type and one role");
        }
    }

    boolean restricts(String resourceType) {
        return resourceType != null && resourceTypes.contains(resourceType);
    }

    boolean allows(Iterable<String> roles) {
        for (String role : roles) {
            if (allowedRoles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
