package uk.dapp.platform.notification;

import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * An urgent notification owes its recipients an email: written into the notification's own outbox
 * when it is stored, and sent through GOV.UK Notify by {@link NotifyDelivery}, so a Notify failure
 * leaves it to be sent again, never lost.
 */
public record Email(String caseId, String notificationId) implements CaseEvent {

    public static final CaseEventType<Email> TYPE =
            CaseEventType.of("notification-email.v1", Destinations.NOTIFY, Email.class);
}
