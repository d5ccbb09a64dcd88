package uk.dapp.partnersupport.safetyplan;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.SafetyPlansApi;
import uk.dapp.partnersupport.api.model.OverdueSafetyPlanReviewDto;
import uk.dapp.partnersupport.api.model.SafetyActionDto;
import uk.dapp.partnersupport.api.model.SafetyPlanContentDto;
import uk.dapp.partnersupport.api.model.SafetyPlanDto;
import uk.dapp.partnersupport.api.model.SafetyPlanUpdateDto;
import uk.dapp.partnersupport.common.Times;

@RestController
class SafetyPlanController implements SafetyPlansApi {

    private final SafetyPlanService service;

    SafetyPlanController(SafetyPlanService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<SafetyPlanDto> createSafetyPlan(UUID trackId, SafetyPlanContentDto body) {
        SafetyPlan plan = service.create(trackId, actions(body.getActions()), body.getReviewOn());
        return ResponseEntity.created(URI.create("/safety-plans/" + plan.planId()))
                .body(toDto(plan));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<SafetyPlanDto>> listSafetyPlans(UUID trackId) {
        return ResponseEntity.ok(
                service.of(trackId).stream().map(SafetyPlanController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<SafetyPlanDto> updateSafetyPlan(UUID planId, SafetyPlanUpdateDto body) {
        return ResponseEntity.ok(
                toDto(service.update(planId, actions(body.getActions()), body.getReviewOn(), body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<OverdueSafetyPlanReviewDto>> listOverdueSafetyPlanReviews() {
        return ResponseEntity.ok(service.overdueReviews().stream()
                .map(o -> new OverdueSafetyPlanReviewDto(
                        UUID.fromString(o.planId()),
                        UUID.fromString(o.trackId()),
                        o.caseId(),
                        o.reviewOn(),
                        o.allocatedWorker()))
                .toList());
    }

    private static List<SafetyAction> actions(List<SafetyActionDto> actions) {
        return uk.dapp.partnersupport.common.Inputs.noNullItems(actions, "actions").stream()
                .map(a -> new SafetyAction(
                        a.getDescription(), a.getOwner(), a.getDueOn(), Boolean.TRUE.equals(a.getDone())))
                .toList();
    }

    static SafetyPlanDto toDto(SafetyPlan plan) {
        return new SafetyPlanDto(
                UUID.fromString(plan.planId()),
                UUID.fromString(plan.trackId()),
                plan.caseId(),
                plan.actions().stream()
                        .map(a -> new SafetyActionDto(a.description(), a.owner())
                                .dueOn(a.dueOn())
                                .done(a.done()))
                        .toList(),
                plan.reviewOn(),
                plan.createdBy(),
                Times.utc(plan.createdAt()),
                Times.utc(plan.updatedAt()),
                plan.version());
    }
}
