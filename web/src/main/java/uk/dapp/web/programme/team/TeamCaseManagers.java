package uk.dapp.web.programme.team;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.model.FacilitatorCaseload;
import uk.dapp.client.programme.model.TeamFacilitators;

/**
 * Who a one-to-one case of a team may be put with, as the service accepts them at enrolment and at
 * reallocation: the team's facilitators and service managers ({@code GET /teams/{team}/facilitators}),
 * offered as choices rather than typed, so that no case lands on a caseload nobody signs in to. A
 * service manager's answer counts each one's caseload in the team; a facilitator's does not.
 */
@Component
public class TeamCaseManagers {

    /** A case manager offered, with their caseload in the team (null when the caller is not given it). */
    public record CaseManager(String username, @Nullable FacilitatorCaseload load) {}

    private final EnrolmentApi enrolment;

    public TeamCaseManagers(EnrolmentApi enrolment) {
        this.enrolment = enrolment;
    }

    /** The team's case managers in order, with their caseloads when the service counts them for the caller. */
    public List<CaseManager> of(String team) {
        TeamFacilitators listed = enrolment.listTeamFacilitators(team);
        Map<String, FacilitatorCaseload> loads = listed.getCaseloads() == null
                ? Map.of()
                : listed.getCaseloads().stream()
                        .collect(Collectors.toMap(
                                FacilitatorCaseload::getFacilitator, Function.identity(), (a, b) -> a));
        return listed.getFacilitators().stream()
                .map(username -> new CaseManager(username, loads.get(username)))
                .toList();
    }
}
