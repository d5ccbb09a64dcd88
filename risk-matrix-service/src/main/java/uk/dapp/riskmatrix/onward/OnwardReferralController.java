package uk.dapp.riskmatrix.onward;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.OnwardReferralsApi;
import uk.dapp.riskmatrix.api.model.OnwardReferralCreateDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralListDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralSectionDto;
import uk.dapp.riskmatrix.api.model.OnwardReferralStatusUpdateDto;
import uk.dapp.riskmatrix.values.OnwardReferral;
import uk.dapp.riskmatrix.values.OnwardReferralStatus;
import uk.dapp.riskmatrix.values.OnwardReferralType;

@RestController
class OnwardReferralController implements OnwardReferralsApi {

    private final OnwardReferralService service;
    private final Clock clock;

    OnwardReferralController(OnwardReferralService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<OnwardReferralListDto> listOnwardReferrals(String caseId) {
        CaseId id = CaseId.parse(caseId);
        LocalDate today = LocalDate.now(clock);
        return ResponseEntity.ok(new OnwardReferralListDto()
                .items(service.list(id).stream()
                        .map(r -> OnwardReferralDtos.toDto(id.value(), r, today))
                        .toList()));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<OnwardReferralSectionDto> listOnwardReferralFollowUps(Integer limit) {
        LocalDate today = LocalDate.now(clock);
        OnwardReferralService.FollowUps due = service.myFollowUps(today, limit);
        return ResponseEntity.ok(new OnwardReferralSectionDto()
                .total(due.total())
                .overdue(due.overdue())
                .items(due.items().stream()
                        .map(r -> OnwardReferralDtos.toDto(r.caseId(), r.referral(), today))
                        .toList()));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<OnwardReferralDto> makeOnwardReferral(String caseId, OnwardReferralCreateDto body) {
        CaseId id = CaseId.parse(caseId);
        OnwardReferral made = service.make(
                id,
                OnwardReferralType.valueOf(body.getType().name()),
                body.getProvider(),
                body.getMadeOn(),
                body.getFollowUpDate());
        return ResponseEntity.created(URI.create("/nominals/" + id.value() + "/onward-referrals"))
                .body(OnwardReferralDtos.toDto(id.value(), made, LocalDate.now(clock)));
    }

    @Override
    @PreAuthorize("hasRole('offender-manager')")
    public ResponseEntity<OnwardReferralDto> recordOnwardReferralStatus(
            String caseId, String referralId, OnwardReferralStatusUpdateDto body) {
        CaseId id = CaseId.parse(caseId);
        OnwardReferral moved = service.record(
                id,
                referralId,
                OnwardReferralStatus.valueOf(body.getStatus().name()),
                body.getOutcome(),
                body.getFollowUpDate());
        return ResponseEntity.ok(OnwardReferralDtos.toDto(id.value(), moved, LocalDate.now(clock)));
    }
}
