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
import uk.dapp.programme.api.model.ReferralStatusDto;
import uk.dapp.programme.api.model.RegisterCreateDto;
import uk.dapp.programme.api.model.SessionCreateDto;
import uk.dapp.programme.api.model.SessionDto;
import uk.dapp.programme.api.model.SessionRegisterDto;

@RestController
class SessionController implements SessionsApi {

    private final SessionService service;

    SessionController(SessionService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<SessionDto> scheduleSession(SessionCreateDto body) {
        Session session = service.schedule(
                str(body.getGroupId()),
                str(body.getReferralId()),
                str(body.getCatchUpFor()),
                body.getScheduledAt().toInstant());
        return ResponseEntity.created(URI.create("/sessions/" + session.sessionId()))
                .body(new SessionDto()
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
        return ResponseEntity.ok(attendance(service.record(
                sessionId.toString(),
                referralId.toString(),
                AttendanceOutcome.valueOf(body.getOutcome().name()))));
    }

    @Override
    @PreAuthorize("hasAnyRole('facilitator', 'service-manager')")
    public ResponseEntity<SessionRegisterDto> recordRegister(UUID sessionId, RegisterCreateDto body) {
        List<SessionService.Recorded> recorded = service.recordRegister(
                sessionId.toString(),
                body.getAttendances().stream()
                        .map(e -> new SessionService.Entry(
                                e.getReferralId().toString(),
                                AttendanceOutcome.valueOf(e.getOutcome().name())))
                        .toList());
        return ResponseEntity.ok(new SessionRegisterDto()
                .sessionId(sessionId)
                .attendances(
                        recorded.stream().map(SessionController::attendance).toList()));
    }

    private static AttendanceDto attendance(SessionService.Recorded recorded) {
        Attendance a = recorded.attendance();
        return new AttendanceDto()
                .sessionId(UUID.fromString(a.sessionId()))
                .referralId(UUID.fromString(a.referralId()))
                .outcome(AttendanceOutcomeDto.valueOf(a.outcome().name()))
                .recordedBy(a.recordedBy())
                .recordedAt(a.recordedAt().atOffset(ZoneOffset.UTC))
                .referralStatus(
                        ReferralStatusDto.valueOf(recorded.referralStatus().name()))
                .sessionsAttended(recorded.sessionsAttended())
                .unacceptableAbsences(recorded.unacceptableAbsences())
                .nonCompliantSessions(recorded.nonCompliantSessions());
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
