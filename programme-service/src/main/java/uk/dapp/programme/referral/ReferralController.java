package uk.dapp.programme.referral;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.programme.api.ReferralsApi;
import uk.dapp.programme.api.model.ReferralCreateDto;
import uk.dapp.programme.api.model.ReferralDto;
import uk.dapp.programme.api.model.ReferralSourceDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.RiskLevelDto;

@RestController
class ReferralController implements ReferralsApi {

    private final ReferralService service;

    ReferralController(ReferralService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<ReferralDto> createReferral(ReferralCreateDto body) {
        Referral referral = service.refer(new ReferralRequest(body.getCaseId(), body.getProgrammeCode(),
                ReferralSource.valueOf(body.getSource().name()), body.getMandated(),
                RiskLevel.valueOf(body.getRiskLevel().name()), body.getResponsibleProbationOfficer()));
        return ResponseEntity.created(URI.create("/referrals/" + referral.referralId())).body(toDto(referral));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<ReferralDto> getReferral(UUID referralId) {
        return ResponseEntity.ok(toDto(service.get(referralId)));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<ReferralDto>> listCaseReferrals(String caseId) {
        return ResponseEntity.ok(service.ofCase(CaseId.parse(caseId)).stream().map(ReferralController::toDto).toList());
    }

    private static ReferralDto toDto(Referral referral) {
        return new ReferralDto()
                .referralId(UUID.fromString(referral.referralId()))
                .caseId(referral.caseId())
                .programmeCode(referral.programmeCode())
                .source(ReferralSourceDto.valueOf(referral.source().name()))
                .mandated(referral.mandated())
                .riskLevel(RiskLevelDto.valueOf(referral.riskLevel().name()))
                .responsibleProbationOfficer(referral.responsibleProbationOfficer())
                .status(ReferralStatusDto.valueOf(referral.status().name()))
                .referredBy(referral.referredBy())
                .createdAt(referral.createdAt().atOffset(ZoneOffset.UTC));
    }
}
