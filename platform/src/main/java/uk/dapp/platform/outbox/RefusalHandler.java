package uk.dapp.platform.outbox;

/**
 * The sender's answer to a refusal: asked when a receiver refuses a message for good (a 4xx other
 * than 401, 408 and 429), before the message is closed as REJECTED, so that what the refusal means
 * for the sender's own records is done and never lost (an ENGAGE referral the programme cannot take
 * puts the nominal back for a routing decision). It runs as the service itself (its service account
 * is the caller), with the payload still present. It must be idempotent, keyed by the message ID: if
 * it throws, or the service stops before the message is closed, the message stays PENDING, is sent
 * again, refused again, and the handler is asked again.
 */
public interface RefusalHandler {

    /**
     * @param message the refused message, payload included
     * @param reason  what the receiver said, in its own words (the problem's detail and the fields and
     *                rules it named), never more than {@link uk.dapp.platform.calls.CallRejectedException#REASON_LIMIT}
     *                characters
     */
    void refused(OutboxMessage message, String reason);
}
