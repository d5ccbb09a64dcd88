package uk.dapp.partnersupport.disclosure;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.DisclosuresApi;
import uk.dapp.partnersupport.api.model.AbuseCategoryDto;
import uk.dapp.partnersupport.api.model.DisclosureDto;
import uk.dapp.partnersupport.api.model.DisclosureNewDto;
import uk.dapp.partnersupport.api.model.OutboxStatusDto;
import uk.dapp.partnersupport.api.model.RiskAlertDto;
import uk.dapp.partnersupport.api.model.RiskAlertSharingBasisDto;
import uk.dapp.partnersupport.api.model.RiskLevelDto;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.platform.outbox.OutboxStatus;
import uk.dapp.platform.risk.RiskLevel;

@RestController
class DisclosureController implements DisclosuresApi {

    private final DisclosureService service;

    DisclosureController(DisclosureService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<DisclosureDto> recordDisclosure(UUID trackId, DisclosureNewDto body) {
        Disclosure disclosure = service.record(
                trackId,
                body.getDisclosedOn(),
                AbuseCategory.valueOf(body.getCategory().name()),
                RiskLevel.valueOf(body.getRiskLevel().name()),
                body.getAccount(),
                body.getLocation());
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/disclosures"))
                .body(toDto(disclosure));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<DisclosureDto>> listDisclosures(UUID trackId) {
        return ResponseEntity.ok(
                service.of(trackId).stream().map(DisclosureController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<RiskAlertDto>> listRiskAlerts(String caseId) {
        return ResponseEntity.ok(service.alertsOf(CaseId.parse(caseId)).stream()
                .map(DisclosureController::toDto)
                .toList());
    }

    private static RiskAlertDto toDto(DisclosureService.RiskAlertView alert) {
        OutboxMessage m = alert.message();
        Disclosure d = alert.disclosure();
        return new RiskAlertDto(
                        UUID.fromString(m.id()),
                        d.caseId(),
                        RiskLevelDto.valueOf(d.riskLevel().name()),
                        AbuseCategoryDto.valueOf(d.category().name()),
                        d.disclosedOn(),
                        OutboxStatusDto.valueOf(m.status().name()),
                        Times.utc(m.createdAt()),
                        m.attempts())
                .statusReason(m.closedReason())
                .closedAt(Times.utc(m.closedAt()))
                // the basis the alert was let go on, once it has gone
                .sharingBasis(
                        m.status() == OutboxStatus.DELIVERED && d.alertBasis() != null
                                ? RiskAlertSharingBasisDto.valueOf(
                                        d.alertBasis().name())
                                : null);
    }

    static DisclosureDto toDto(Disclosure d) {
        return new DisclosureDto(
                        UUID.fromString(d.disclosureId()),
                        UUID.fromString(d.trackId()),
                        d.disclosedOn(),
                        AbuseCategoryDto.valueOf(d.category().name()),
                        RiskLevelDto.valueOf(d.riskLevel().name()),
                        d.account(),
                        d.recordedBy(),
                        Times.utc(d.recordedAt()),
                        UUID.fromString(d.alertId()))
                .location(d.location());
    }
}
