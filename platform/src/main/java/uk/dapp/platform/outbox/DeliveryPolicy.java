package uk.dapp.platform.outbox;

import java.util.Optional;

/**
 * The sender's last word before a message leaves, asked at every attempt, so that a rule that
 * changed after the message was written (consent withdrawn) still stops it.
 */
public interface DeliveryPolicy {

    /** Why this message must not be sent now or ever; empty to let it go. */
    Optional<String> withholdReason(OutboxMessage message);
}
