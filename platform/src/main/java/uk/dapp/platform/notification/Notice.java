package uk.dapp.platform.notification;

import java.util.List;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * A notification raised: written into the outbox of the document whose change needs a person, in the
 * same single-document write as the change (or by a scheduled check's conditional update for what is
 * due by time), and delivered by the relay into the service's own {@link Inbox} (ADR 0016). It holds
 * the case, the kind, what it is about and who it is for: never a name or a partner's detail.
 */
public record Notice(String caseId, NotificationKind kind, String subjectId, List<Recipient> recipients)
        implements CaseEvent {

    public static final CaseEventType<Notice> TYPE =
            CaseEventType.of("notification.v1", Destinations.INBOX, Notice.class);

    public Notice {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a notification is for someone");
        }
    }

    public static Notice of(NotificationKind kind, String caseId, String subjectId, Recipient... recipients) {
        return new Notice(caseId, kind, subjectId, List.of(recipients));
    }
}
