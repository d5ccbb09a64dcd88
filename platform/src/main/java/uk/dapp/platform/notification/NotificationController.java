package uk.dapp.platform.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.api.NotificationsApi;
import uk.dapp.platform.api.model.NotificationDto;
import uk.dapp.platform.api.model.NotificationKindDto;
import uk.dapp.platform.api.model.NotificationPageDto;
import uk.dapp.platform.api.model.NotificationSubjectDto;
import uk.dapp.platform.api.model.UnreadNotificationsDto;
import uk.dapp.platform.security.CurrentUser;

/** Every service's notification inbox (common.yaml), the same in every service. */
@RestController
public class NotificationController implements NotificationsApi {

    private final Inbox inbox;

    public NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public ResponseEntity<NotificationPageDto> listNotifications(Boolean unreadOnly, Integer page, Integer size) {
        Inbox.Page found = inbox.page(Boolean.TRUE.equals(unreadOnly), page, size);
        String me = CurrentUser.get().username();
        return ResponseEntity.ok(new NotificationPageDto()
                .items(found.items().stream().map(n -> toDto(n, me)).toList())
                .page(found.page())
                .size(found.size())
                .totalItems(found.total())
                .totalPages((int) ((found.total() + found.size() - 1) / found.size()))
                .unread(found.unread()));
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public ResponseEntity<UnreadNotificationsDto> countUnreadNotifications() {
        return ResponseEntity.ok(new UnreadNotificationsDto().unread(inbox.unread()));
    }

    @Override
    @PreAuthorize("hasAnyRole('offender-manager', 'facilitator', 'service-manager', 'partner-support-worker')")
    public ResponseEntity<NotificationDto> markNotificationRead(UUID notificationId) {
        return ResponseEntity.ok(toDto(
                inbox.markRead(notificationId.toString()), CurrentUser.get().username()));
    }

    static NotificationDto toDto(Notification n, String reader) {
        Instant readAt = n.readAt(reader);
        return new NotificationDto()
                .notificationId(UUID.fromString(n.notificationId()))
                .kind(NotificationKindDto.valueOf(n.kind().name()))
                .caseId(n.caseId())
                .subject(NotificationSubjectDto.valueOf(n.kind().subject().name()))
                .subjectId(n.subjectId())
                .whatToDo(n.kind().whatToDo())
                .urgent(n.kind().urgent())
                .createdAt(n.createdAt().atOffset(ZoneOffset.UTC))
                .read(n.readBy(reader))
                .readAt(readAt == null ? null : readAt.atOffset(ZoneOffset.UTC));
    }
}
