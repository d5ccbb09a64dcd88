package uk.dapp.programme.alert;

import java.net.URI;
import java.time.Duration;
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
import uk.dapp.programme.api.model.AlertEscalationCreateDto;
import uk.dapp.programme.api.model.AlertPageDto;
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
        Alert alert = service.raise(
                referralId.toString(),
                body.getSource() == null
                        ? null
                        : AlertSource.valueOf(body.getSource().name()),
                body.getConcern());
        return ResponseEntity.created(URI.create("/alerts/" + alert.alertId())).body(toDto(alert, service.now()));
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<AlertDto> reviewAlert(UUID alertId, AlertReviewCreateDto body) {
        return ResponseEntity.ok(toDto(service.review(alertId.toString(), body.getActionsTaken()), service.now()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AlertDto> escalateAlert(UUID alertId, AlertEscalationCreateDto body) {
        return ResponseEntity.ok(toDto(service.escalateNow(alertId.toString(), body.getReason()), service.now()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<List<AlertDto>> listOverdueAlerts() {
        Instant now = service.now();
        return ResponseEntity.ok(
                service.overdue().stream().map(a -> toDto(a, now)).toList());
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AlertDto> getAlert(UUID alertId) {
        return ResponseEntity.ok(toDto(service.get(alertId.toString()), service.now()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AlertPageDto> listOpenAlerts(Integer page, Integer size) {
        return ResponseEntity.ok(toPage(service.open(page, size), service.now()));
    }

    @Override
    @PreAuthorize("hasRole('service-manager')")
    public ResponseEntity<AlertPageDto> listEscalatedAlerts(Integer page, Integer size) {
        return ResponseEntity.ok(toPage(service.escalated(page, size), service.now()));
    }

    private static AlertPageDto toPage(org.springframework.data.domain.Page<Alert> found, Instant now) {
        return new AlertPageDto()
                .items(found.getContent().stream().map(a -> toDto(a, now)).toList())
                .page(found.getNumber())
                .size(found.getSize())
                .totalItems(found.getTotalElements())
                .totalPages(found.getTotalPages());
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
                .reviewedAt(a.reviewedAt() == null ? null : a.reviewedAt().atOffset(ZoneOffset.UTC))
                .minutesLeft(a.isOpen() ? minutesLeft(a, now) : null)
                .escalatedAt(a.escalatedAt() == null ? null : a.escalatedAt().atOffset(ZoneOffset.UTC))
                .escalationWay(
                        a.escalationOrClock() == null
                                ? null
                                : AlertDto.EscalationWayEnum.valueOf(
                                        a.escalationOrClock().way().name()))
                .escalatedBy(
                        a.escalationOrClock() == null
                                ? null
                                : a.escalationOrClock().by())
                .escalationReason(
                        a.escalationOrClock() == null
                                ? null
                                : a.escalationOrClock().reason());
    }

    /** Whole minutes left on the clock, rounded towards the deadline (negative, rounded away from it, once overdue). */
    static long minutesLeft(Alert a, Instant now) {
        return Math.floorDiv(Duration.between(now, a.reviewDueBy()).toSeconds(), 60);
    }
}
