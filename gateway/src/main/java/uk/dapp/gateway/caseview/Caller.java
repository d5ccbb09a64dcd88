package uk.dapp.gateway.caseview;

import java.util.Set;

/**
 * Who asked: their own bearer token (relayed unchanged, so each service decides on it) and their
 * realm roles (used only to skip a service that would refuse them anyway).
 */
public record Caller(String token, Set<String> roles, String correlationId) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "Caller[roles=" + roles + ", correlationId=" + correlationId + "]"; // never the token
    }
}
