package uk.dapp.platform.security;

import java.util.List;

/** The Keycloak realm roles of docs/domain/roles.md. Handlers name them in {@code @PreAuthorize}. */
public final class Roles {

    public static final String OFFENDER_MANAGER = "offender-manager";
    public static final String FACILITATOR = "facilitator";
    public static final String SERVICE_MANAGER = "service-manager";
    public static final String PARTNER_SUPPORT_WORKER = "partner-support-worker";
    public static final String EVALUATOR = "evaluator";
    public static final String ADMIN = "admin";

    /** Every human role, for tests that sweep each endpoint with each role. */
    public static final List<String> ALL =
            List.of(OFFENDER_MANAGER, FACILITATOR, SERVICE_MANAGER, PARTNER_SUPPORT_WORKER, EVALUATOR, ADMIN);

    /**
     * The service accounts' roles: each service's Keycloak client (client credentials) carries its
     * own, and a service-to-service endpoint names the one sender it accepts.
     */
    public static final String SVC_RISK_MATRIX = "svc-risk-matrix";

    public static final String SVC_PROGRAMME = "svc-programme";
    public static final String SVC_PARTNER_SUPPORT = "svc-partner-support";

    public static final List<String> SERVICES = List.of(SVC_RISK_MATRIX, SVC_PROGRAMME, SVC_PARTNER_SUPPORT);

    /** Every role a caller can hold: humans and service accounts. */
    public static final List<String> EVERY_CALLER =
            java.util.stream.Stream.concat(ALL.stream(), SERVICES.stream()).toList();

    /** Spring Security's authority for a realm role. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }

    private Roles() {}
}
