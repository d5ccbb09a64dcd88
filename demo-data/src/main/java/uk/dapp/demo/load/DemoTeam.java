package uk.dapp.demo.load;

import java.util.List;

/**
 * The demo realm's two teams (Keycloak groups), the areas each covers and its demo users: the people
 * of an area are loaded by the users of the team covering it, as real practitioners would only see
 * and act on their own team's cases (ADR 0012).
 */
enum DemoTeam {
    NORTH("", List.of("Northshire", "Midwick")),
    SOUTH("-south", List.of("Eastmarsh", "Southvale", "Westfold"));

    private final String userSuffix;
    private final List<String> areas;

    DemoTeam(String userSuffix, List<String> areas) {
        this.userSuffix = userSuffix;
        this.areas = areas;
    }

    /** The team covering the area. */
    static DemoTeam of(String area) {
        for (DemoTeam team : values()) {
            if (team.areas.stream().anyMatch(area::equalsIgnoreCase)) {
                return team;
            }
        }
        throw new IllegalArgumentException("no demo team covers " + area);
    }

    String offenderManager() {
        return Gateway.OFFENDER_MANAGER + userSuffix;
    }

    String facilitator() {
        return Gateway.FACILITATOR + userSuffix;
    }

    String serviceManager() {
        return Gateway.SERVICE_MANAGER + userSuffix;
    }

    String partnerSupportWorker() {
        return Gateway.PARTNER_SUPPORT_WORKER + userSuffix;
    }
}
