package uk.dapp.platform.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;

/**
 * Emails an urgent notification to each of its recipients through GOV.UK Notify (ADR 0016). The
 * recipients are looked up in the {@link Directory} when the email is sent (a team's members as they
 * are then); each one Notify accepts (or refuses for good) is noted on the notification, so when a
 * later recipient fails and the relay tries again, nobody gets the email twice. The email carries the
 * case ID, what to do and a link, nothing else. Logs name the notification, never an address.
 */
public final class NotifyDelivery implements OutboxDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotifyDelivery.class);

    private final Inbox inbox;
    private final Directory directory;
    private final NotifySender sender;
    private final NotifyProperties properties;

    public NotifyDelivery(Inbox inbox, Directory directory, NotifySender sender, NotifyProperties properties) {
        this.inbox = inbox;
        this.directory = directory;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public String destination() {
        return Destinations.NOTIFY;
    }

    @Override
    public boolean handles(String type) {
        return Email.TYPE.name().equals(type);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        Email email = Email.TYPE.payloadOf(message.payload());
        Notification notification = inbox.find(email.notificationId());
        if (notification == null) {
            log.error("notification {} to email is missing; nothing sent", email.notificationId());
            return;
        }
        Map<String, Directory.Person> people = new LinkedHashMap<>();
        for (Recipient recipient : notification.recipients()) {
            directory.people(recipient).forEach(person -> people.putIfAbsent(person.userId(), person));
        }
        for (Directory.Person person : people.values()) {
            if (notification.emailedTo().contains(person.userId())) {
                continue;
            }
            if (person.email() == null || person.email().isBlank()) {
                log.warn(
                        "notification {}: user {} has no email address in Keycloak; not emailed",
                        notification.notificationId(),
                        person.userId());
            } else {
                try {
                    sender.send(
                            properties.templateFor(notification.kind()),
                            person.email(),
                            personalisation(notification),
                            notification.notificationId());
                } catch (NotifySender.Refused refused) {
                    log.error(
                            "notification {}: {} for user {}; not emailed to them",
                            notification.notificationId(),
                            refused.getMessage(),
                            person.userId());
                } catch (NotifySender.Failed failed) {
                    throw new IllegalStateException(
                            "notification " + notification.notificationId() + ": " + failed.getMessage());
                }
            }
            inbox.emailed(notification.notificationId(), person.userId());
        }
    }

    private Map<String, String> personalisation(Notification notification) {
        return Map.of(
                "case_id",
                notification.caseId(),
                "what_to_do",
                notification.kind().whatToDo(),
                "link",
                properties.signInUrl());
    }
}
