package uk.dapp.partnersupport.firewall;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.CaseSummaryApi;
import uk.dapp.partnersupport.api.model.PartnerSupportSummaryDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.platform.caseid.CaseId;

@RestController
class PartnerSupportSummaryController implements CaseSummaryApi {

    private final PartnerSupportSummaryService service;

    PartnerSupportSummaryController(PartnerSupportSummaryService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'offender-manager', 'service-manager')")
    public ResponseEntity<PartnerSupportSummaryDto> getPartnerSupportSummary(String caseId) {
        PartnerSupportSummary summary = service.of(CaseId.parse(caseId));
        return ResponseEntity.ok(new PartnerSupportSummaryDto(summary.caseId(), summary.trackExists())
                .currentRiskLevel(
                        summary.currentRiskLevel() == null
                                ? null
                                : RiskLevelDto.valueOf(
                                        summary.currentRiskLevel().name()))
                .contactMade(summary.contactMade()));
    }
}
