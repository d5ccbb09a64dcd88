package uk.dapp.partnersupport.safetyplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackRecordKind;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;

/** Safety plans with actions, owners and review dates; plans of open tracks past their review date are listed. */
@Service
public class SafetyPlanService {

    static final String RESOURCE = "safety-plan";

    private final SafetyPlanRepository plans;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    SafetyPlanService(SafetyPlanRepository plans, PartnerTrackService tracks, AuditWriter audit, Clock clock) {
        this.plans = plans;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    SafetyPlan create(UUID trackId, List<SafetyAction> actions, LocalDate reviewOn) {
        List<SafetyAction> checked = check(actions, reviewOn);
        PartnerTrack track = tracks.findOpenToRecord(trackId, TrackRecordKind.SAFETY_PLAN);
        Instant now = clock.instant();
        String by = CurrentUser.get().username();
        SafetyPlan plan = plans.insert(new SafetyPlan(
                UUID.randomUUID().toString(),
                track.trackId(),
                track.caseId(),
                checked,
                reviewOn,
                by,
                now,
                by,
                now,
                null));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, plan.planId());
        return plan;
    }

    SafetyPlan update(UUID planId, List<SafetyAction> actions, LocalDate reviewOn, long expectedVersion) {
        List<SafetyAction> checked = check(actions, reviewOn);
        SafetyPlan plan =
                plans.findById(planId.toString()).orElseThrow(() -> new NotFoundException("No safety plan " + planId));
        tracks.findOpenToRecord(UUID.fromString(plan.trackId()), TrackRecordKind.SAFETY_PLAN);
        SafetyPlan saved = plans.save(
                plan.revised(checked, reviewOn, CurrentUser.get().username(), clock.instant(), expectedVersion));
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.planId());
        return saved;
    }

    List<SafetyPlan> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<SafetyPlan> found = plans.findByTrackIdOrderByCreatedAtAsc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }

    /** The safety plans of these tracks, unaudited: for "my work", which audits what it serves. */
    public List<SafetyPlan> plansOf(java.util.Collection<String> trackIds) {
        return plans.findByTrackIdIn(trackIds);
    }

    List<OverdueReview> overdueReviews() {
        List<SafetyPlan> due = plans.findByReviewOnBefore(Times.today(clock));
        Map<String, PartnerTrack> open =
                tracks
                        .openTracks(
                                due.stream().map(SafetyPlan::trackId).distinct().toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerTrack::trackId, Function.identity()));
        List<OverdueReview> overdue = new ArrayList<>();
        CaseScope scope = PartnerTrackService.scope();
        for (SafetyPlan plan : due) {
            PartnerTrack track = open.get(plan.trackId());
            if (track != null && scope.covers(track.team())) {
                overdue.add(new OverdueReview(
                        plan.planId(), plan.trackId(), plan.caseId(), plan.reviewOn(), track.allocatedWorker()));
            }
        }
        overdue.sort(Comparator.comparing(OverdueReview::reviewOn));
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                overdue.stream().map(OverdueReview::caseId).toList(),
                "overdue safety plan reviews");
        return overdue;
    }

    private List<SafetyAction> check(List<SafetyAction> actions, LocalDate reviewOn) {
        if (reviewOn.isBefore(Times.today(clock))) {
            throw new RuleViolationException("reviewOn", "NotPast", "the review date cannot be in the past");
        }
        List<SafetyAction> checked = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            SafetyAction action = actions.get(i);
            if (action.description().isBlank()) {
                throw new RuleViolationException(
                        "actions[" + i + "].description", "NotBlank", "say what the action is");
            }
            if (action.owner().isBlank()) {
                throw new RuleViolationException("actions[" + i + "].owner", "NotBlank", "say who owns the action");
            }
            checked.add(new SafetyAction(
                    action.description().strip(), action.owner().strip(), action.dueOn(), action.done()));
        }
        return checked;
    }
}
