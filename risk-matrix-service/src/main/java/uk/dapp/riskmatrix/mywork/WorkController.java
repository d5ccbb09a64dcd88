package uk.dapp.riskmatrix.mywork;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.riskmatrix.api.WorkApi;
import uk.dapp.riskmatrix.api.model.AwaitingDecisionDto;
import uk.dapp.riskmatrix.api.model.AwaitingDecisionReasonDto;
import uk.dapp.riskmatrix.api.model.AwaitingDecisionSectionDto;
import uk.dapp.riskmatrix.api.model.CohortChangeDto;
import uk.dapp.riskmatrix.api.model.CohortChangeKindDto;
import uk.dapp.riskmatrix.api.model.CohortChangeSectionDto;
import uk.dapp.riskmatrix.api.model.DisruptionTaskSectionDto;
import uk.dapp.riskmatrix.api.model.LastVisitDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralSectionDto;
import uk.dapp.riskmatrix.api.model.RiskMatrixWorkDto;
import uk.dapp.riskmatrix.api.model.RoutingStatusDto;
import uk.dapp.riskmatrix.onward.OnwardReferralDtos;
import uk.dapp.riskmatrix.routing.DisruptionTaskDtos;

@RestController
class WorkController implements WorkApi {

    private final RiskMatrixWorkService work;

    WorkController(RiskMatrixWorkService work) {
        this.work = work;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<RiskMatrixWorkDto> getMyRiskMatrixWork(Integer limit) {
        RiskMatrixWork w = work.work(limit);
        LocalDate today = LocalDate.ofInstant(w.asOf(), ZoneOffset.UTC);
        return ResponseEntity.ok(new RiskMatrixWorkDto()
                .asOf(w.asOf().atOffset(ZoneOffset.UTC))
                .awaitingDecision(new AwaitingDecisionSectionDto()
                        .total(w.awaitingDecision().total())
                        .items(w.awaitingDecision().items().stream()
                                .map(a -> new AwaitingDecisionDto()
                                        .caseId(a.nominal().caseId())
                                        .givenName(a.nominal().givenName())
                                        .familyName(a.nominal().familyName())
                                        .area(a.nominal().area())
                                        .routingStatus(RoutingStatusDto.valueOf(a.nominal()
                                                .routingStatusOrDefault()
                                                .name()))
                                        .reason(AwaitingDecisionReasonDto.valueOf(
                                                a.reason().name()))
                                        .note(a.note())
                                        .since(a.since().atOffset(ZoneOffset.UTC))
                                        .daysWaiting((int) java.time.Duration.between(a.since(), w.asOf())
                                                .toDays())
                                        .scoreTotal(
                                                a.nominal().score() == null
                                                        ? null
                                                        : a.nominal().score().total()))
                                .toList()))
                .disruptionTasks(new DisruptionTaskSectionDto()
                        .total(w.disruptionTasks().total())
                        .overdue(w.disruptionTasks().overdue())
                        .items(w.disruptionTasks().items().stream()
                                .map(t -> DisruptionTaskDtos.toDto(t.caseId(), t.task(), today))
                                .toList()))
                .cohortChanges(new CohortChangeSectionDto()
                        .since(w.since().atOffset(ZoneOffset.UTC))
                        .total(w.cohortChanges().total())
                        .items(w.cohortChanges().items().stream()
                                .map(c -> new CohortChangeDto()
                                        .caseId(c.nominal().caseId())
                                        .givenName(c.nominal().givenName())
                                        .familyName(c.nominal().familyName())
                                        .area(c.nominal().area())
                                        .kinds(c.change().kinds().stream()
                                                .map(k -> CohortChangeKindDto.valueOf(k.name()))
                                                .toList())
                                        .scoreFrom(c.change().scoreFrom())
                                        .scoreTo(c.change().scoreTo())
                                        .serial(c.change().serial())
                                        .changedAt(c.change().changedAt().atOffset(ZoneOffset.UTC)))
                                .toList()))
                .onwardReferrals(new OnwardReferralSectionDto()
                        .total(w.onwardReferrals().total())
                        .overdue(w.onwardReferrals().overdue())
                        .items(w.onwardReferrals().items().stream()
                                .map(r -> OnwardReferralDtos.toDto(r.caseId(), r.referral(), today))
                                .toList())));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<LastVisitDto> markCohortChangesSeen(LastVisitDto body) {
        return ResponseEntity.ok(new LastVisitDto()
                .seenUpTo(work.markSeen(body.getSeenUpTo().toInstant()).atOffset(ZoneOffset.UTC)));
    }
}
