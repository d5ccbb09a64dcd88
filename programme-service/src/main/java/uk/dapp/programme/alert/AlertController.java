package uk.dapp.programme.alert;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.programme.api.AlertsApi;
import uk.dapp.programme.api.model.AlertCreateDto;
import uk.dapp.programme.api.model.AlertDto;
import uk.dapp.programme.api.model.AlertReviewCreateDto;
import uk.dapp.programme.api.model.AlertSourceDto;

@RestController
public class AlertController implements AlertsApi {

    private final AlertService service;

    AlertController(AlertService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AlertDto> raiseAlert(UUID referralId, AlertCreateDto body) {
        Alert alert = service.raise(referralId.toString(),
                body.getSource() == null ? null : AlertSource.valueOf(body.getSource().name()), body.getConcern());
        return ResponseEntity.created(URI.create("/alerts/" + alert.alertId())).body(toDto(alert, service.now()));
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<AlertDto> reviewAlert(UUID alertId, AlertReviewCreateDto body) {
        return ResponseEntity.ok(toDto(service.review(alertId.toString(), body.getActionsTaken()), service.now()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<AlertDto>> listOverdueAlerts() {
        Instant now = service.now();
        return ResponseEntity.ok(service.overdue().stream().map(a -> toDto(a, now)).toList());
    }

    /** The alert as the contract shows it, judged overdue as of {@code now}; also for the subject access export. */
    public static AlertDto toDto(Alert a, Instant now) {
        return new AlertDto()
                .alertId(UUID.fromString(a.alertId()))
                .referralId(a.referralId() == null ? null : UUID.fromString(a.referralId()))
                .caseId(a.caseId())
                .source(AlertSourceDto.valueOf(a.source().name()))
                .concern(a.concern())
                .raisedBy(a.raisedBy())
                .raisedAt(a.raisedAt().atOffset(ZoneOffset.UTC))
                .reviewDueBy(a.reviewDueBy().atOffset(ZoneOffset.UTC))
                .status(a.isOpen() ? AlertDto.StatusEnum.OPEN : AlertDto.StatusEnum.REVIEWED)
                .overdue(a.isOverdue(now))
                .actionsTaken(a.actionsTaken())
                .reviewedBy(a.reviewedBy())
                .reviewedAt(a.reviewedAt() == null ? null : a.reviewedAt().atOffset(ZoneOffset.UTC));
    }
}
