package uk.dapp.programme.enrolment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.team.CaseTeams;
import uk.dapp.programme.team.TeamFacilitators;

/**
 * Who a case of one of the caller's teams may be given to (its facilitators and service managers, as
 * Keycloak holds them) and, for a service manager choosing, how loaded each is in the team now; and
 * everyone's caseload across the caller's teams. Counts name no case, so only the listing itself is
 * audited.
 */
@Service
public class TeamCaseManagers {

    private static final String CASELOAD_RESOURCE = "caseload";

    /** The team's case managers in order, and their loads in the same order (null for a facilitator). */
    public record Listed(List<String> usernames, @Nullable List<FacilitatorLoad> loads) {}

    private final TeamFacilitators facilitators;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final Clock clock;

    TeamCaseManagers(TeamFacilitators facilitators, MongoTemplate mongo, AuditWriter audit, Clock clock) {
        this.facilitators = facilitators;
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    /** Another team is not found, the refusal audited. */
    public Listed of(String team) {
        CaseTeams.scope().require(team, audit, null, EnrolmentService.TEAM_RESOURCE, team, "No team " + team);
        List<String> usernames = facilitators.of(team);
        List<FacilitatorLoad> loads = null;
        if (CurrentUser.get().hasRole(Roles.SERVICE_MANAGER)) {
            Map<String, FacilitatorLoad> counted = loadsIn(team);
            loads = usernames.stream()
                    .map(username -> counted.getOrDefault(username, FacilitatorLoad.none(username)))
                    .toList();
        }
        audit.recordList(AuditAction.SEARCH, EnrolmentService.TEAM_RESOURCE, List.of(), "facilitators");
        return new Listed(usernames, loads);
    }

    /**
     * Everyone's caseload in the caller's teams, the largest first: whoever holds participants there,
     * whether or not Keycloak still has them in the team. Counts name no case: audited once.
     */
    public List<FacilitatorLoad> caseloadsOfMyTeams() {
        List<FacilitatorLoad> loads = loadsWhere(CaseTeams.scope().criteria("team")).values().stream()
                .sorted(FacilitatorLoad.LARGEST_FIRST)
                .toList();
        audit.recordList(AuditAction.SEARCH, CASELOAD_RESOURCE, List.of(), "teamCaseloads");
        return loads;
    }

    private Map<String, FacilitatorLoad> loadsIn(String team) {
        return loadsWhere(CaseScope.only(List.of(team)).criteria("team"));
    }

    private Map<String, FacilitatorLoad> loadsWhere(Criteria ofTheTeams) {
        List<Referral> referrals = mongo.find(
                query(where("status").in(ReferralStatus.onACaseload()).andOperator(ofTheTeams)), Referral.class);
        List<Group> groups = mongo.find(query(ofTheTeams), Group.class);
        return FacilitatorLoad.countedFrom(referrals, groups, clock.instant());
    }
}
