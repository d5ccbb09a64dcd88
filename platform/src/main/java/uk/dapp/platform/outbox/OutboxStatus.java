package uk.dapp.platform.outbox;

/** Where a message stands. Only PENDING moves; the other three are final. */
public enum OutboxStatus {
    /** waiting for (another) delivery attempt */
    PENDING,
    /** the receiver acknowledged it */
    DELIVERED,
    /** the sender's own rules stopped it before it left (for example consent withdrawn) */
    WITHHELD,
    /** the receiver refused it as malformed (4xx): a defect to look at, kept and counted, never dropped silently */
    REJECTED
}
