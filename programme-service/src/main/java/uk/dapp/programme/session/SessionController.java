package uk.dapp.programme.session;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.programme.api.SessionsApi;
import uk.dapp.programme.api.model.AttendanceCreateDto;
import uk.dapp.programme.api.model.AttendanceDto;
import uk.dapp.programme.api.model.AttendanceOutcomeDto;
import uk.dapp.programme.api.model.NotificationDto;
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.SessionCreateDto;
import uk.dapp.programme.api.model.SessionDto;

@RestController
class SessionController implements SessionsApi {

    private final SessionService service;

    SessionController(SessionService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<SessionDto> scheduleSession(SessionCreateDto body) {
        Session session = service.schedule(str(body.getGroupId()), str(body.getReferralId()),
                str(body.getCatchUpFor()), body.getScheduledAt().toInstant());
        return ResponseEntity.created(URI.create("/sessions/" + session.sessionId())).body(new SessionDto()
                .sessionId(UUID.fromString(session.sessionId()))
                .programmeCode(session.programmeCode())
                .groupId(uuid(session.groupId()))
                .referralId(uuid(session.referralId()))
                .catchUpFor(uuid(session.catchUpFor()))
                .scheduledAt(session.scheduledAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<AttendanceDto> recordAttendance(UUID sessionId, UUID referralId, AttendanceCreateDto body) {
        SessionService.Recorded recorded = service.record(sessionId.toString(), referralId.toString(),
                AttendanceOutcome.valueOf(body.getOutcome().name()));
        Attendance a = recorded.attendance();
        return ResponseEntity.ok(new AttendanceDto()
                .sessionId(sessionId).referralId(referralId)
                .outcome(AttendanceOutcomeDto.valueOf(a.outcome().name()))
                .recordedBy(a.recordedBy())
                .recordedAt(a.recordedAt().atOffset(ZoneOffset.UTC))
                .referralStatus(ReferralStatusDto.valueOf(recorded.referralStatus().name()))
                .sessionsAttended(recorded.sessionsAttended())
                .unacceptableAbsences(recorded.unacceptableAbsences())
                .nonCompliantSessions(recorded.nonCompliantSessions()));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager', 'offender-manager')")
    public ResponseEntity<List<NotificationDto>> listMyNotifications() {
        return ResponseEntity.ok(service.notificationsForCaller().stream().map(n -> new NotificationDto()
                .notificationId(UUID.fromString(n.notificationId()))
                .recipient(n.recipient())
                .caseId(n.caseId())
                .referralId(UUID.fromString(n.referralId()))
                .kind(NotificationDto.KindEnum.fromValue(n.kind()))
                .message(n.message())
                .createdAt(n.createdAt().atOffset(ZoneOffset.UTC))).toList());
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
