package uk.dapp.web.programme.team;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.WorkApi;
import uk.dapp.client.programme.model.FacilitatorCaseload;
import uk.dapp.client.programme.model.FacilitatorCaseloadSection;

/**
 * Who a one-to-one case of a team may be put with, as the service accepts them at enrolment and at
 * reallocation: the team's facilitators and service managers ({@code GET /teams/{team}/facilitators}),
 * offered as choices rather than typed, so that no case lands on a caseload nobody signs in to.
 */
@Component
public class TeamCaseManagers {

    /** As many of the teams' caseloads as my-work gives in one answer (the caseloads shown beside the names). */
    private static final int MOST_CASELOADS = 50;

    /** A case manager offered, with their caseload in the teams (null when it is not known). */
    public record CaseManager(String username, FacilitatorCaseload load) {}

    private final EnrolmentApi enrolment;
    private final WorkApi work;

    public TeamCaseManagers(EnrolmentApi enrolment, WorkApi programmeWorkApi) {
        this.enrolment = enrolment;
        this.work = programmeWorkApi;
    }

    /** The team's case managers in order, without their caseloads. */
    public List<CaseManager> of(String team) {
        return enrolment.listTeamFacilitators(team).getFacilitators().stream()
                .map(username -> new CaseManager(username, null))
                .toList();
    }

    /**
     * The team's case managers in order, each with their caseload now: for a service manager, whose
     * my-work counts the teams' caseloads ({@code facilitatorCaseloads}; a facilitator's does not).
     */
    public List<CaseManager> withCaseloads(String team) {
        FacilitatorCaseloadSection caseloads =
                work.getMyProgrammeWork(MOST_CASELOADS).getFacilitatorCaseloads();
        Map<String, FacilitatorCaseload> loads = caseloads == null
                ? Map.of()
                : caseloads.getItems().stream()
                        .collect(Collectors.toMap(FacilitatorCaseload::getFacilitator, load -> load, (a, b) -> a));
        return of(team).stream()
                .map(manager -> new CaseManager(manager.username(), loads.get(manager.username())))
                .toList();
    }
}
