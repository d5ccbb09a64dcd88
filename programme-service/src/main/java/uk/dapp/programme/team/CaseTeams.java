package uk.dapp.programme.team;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;

/**
 * Which teams hold a case in this service: the teams of its referrals, open or closed (ADR 0012).
 * Facilitators and service managers see and act on a case while one of its referrals is of one of
 * their teams; everything about the case that is not a referral (its participant, alerts kept
 * against it, its programme status) follows. Read from the referrals themselves, so it cannot drift
 * from them.
 */
@Service
public class CaseTeams {

    private static final String REFERRALS = "referrals";
    private static final String CASE_ID = "caseId";
    private static final String TEAM = "team";

    private final MongoTemplate mongo;
    private final AuditWriter audit;

    CaseTeams(MongoTemplate mongo, AuditWriter audit) {
        this.mongo = mongo;
        this.audit = audit;
    }

    /** The caller's scope over this service's cases: their teams (everything for the unscoped roles). */
    public static CaseScope scope() {
        return CaseScope.teamsOf(CurrentUser.get());
    }

    /** The teams of the case's referrals. */
    public Set<String> of(String caseId) {
        Query query = query(where(CASE_ID).is(caseId));
        query.fields().include(TEAM);
        return mongo.find(query, Document.class, REFERRALS).stream()
                .map(d -> d.getString(TEAM))
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Lets a read or change of the case go on when one of its referrals is of the caller's teams;
     * otherwise 404 with the message an unknown case gets, the refusal audited.
     */
    public void require(String caseId, String resourceType, String resourceId, String notFoundMessage) {
        CaseScope scope = scope();
        if (!scope.isEverything()) {
            scope.requireAny(of(caseId), audit, caseId, resourceType, resourceId, notFoundMessage);
        }
    }

    /** Whether the caller may see the case. */
    public boolean visible(String caseId) {
        CaseScope scope = scope();
        return scope.isEverything() || scope.coversAny(of(caseId));
    }

    /** Of these cases, those the caller may see. */
    public Set<String> visibleOf(Collection<String> caseIds) {
        return visibleOf(caseIds, false);
    }

    /**
     * Of these cases, those the caller may see, counting a case held by no team (no referral with a
     * team, such as a case a partner's disclosure reached before any referral) as everyone's: what must
     * not wait for a team (a risk alert's 24-hour review) is never left where no one sees it.
     */
    public Set<String> visibleOrUnheldOf(Collection<String> caseIds) {
        return visibleOf(caseIds, true);
    }

    /** Lets an action on the case go on when it is the caller's or held by no team (see {@link #visibleOrUnheldOf}). */
    public void requireUnlessUnheld(String caseId, String resourceType, String resourceId, String notFoundMessage) {
        Set<String> holding = of(caseId);
        CaseScope scope = scope();
        if (!holding.isEmpty() && !scope.isEverything()) {
            scope.requireAny(holding, audit, caseId, resourceType, resourceId, notFoundMessage);
        }
    }

    private Set<String> visibleOf(Collection<String> caseIds, boolean unheldToo) {
        CaseScope scope = scope();
        if (scope.isEverything()) {
            return Set.copyOf(caseIds);
        }
        Query query = query(where(CASE_ID).in(caseIds));
        query.fields().include(CASE_ID).include(TEAM);
        Map<String, Set<String>> teamsByCase = new HashMap<>();
        for (Document referral : mongo.find(query, Document.class, REFERRALS)) {
            Set<String> teams = teamsByCase.computeIfAbsent(referral.getString(CASE_ID), id -> new HashSet<>());
            if (referral.getString(TEAM) != null) {
                teams.add(referral.getString(TEAM));
            }
        }
        return caseIds.stream()
                .filter(caseId -> {
                    Set<String> teams = teamsByCase.getOrDefault(caseId, Set.of());
                    return scope.coversAny(teams) || (unheldToo && teams.isEmpty());
                })
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The condition on a case ID field that keeps only the caller's cases (none when unscoped). */
    public Criteria visibleCases(String caseIdField) {
        CaseScope scope = scope();
        if (scope.isEverything()) {
            return new Criteria();
        }
        Query query = query(scope.criteria(TEAM));
        query.fields().include(CASE_ID);
        List<String> caseIds = mongo.find(query, Document.class, REFERRALS).stream()
                .map(d -> d.getString(CASE_ID))
                .distinct()
                .toList();
        return where(caseIdField).in(caseIds);
    }
}
