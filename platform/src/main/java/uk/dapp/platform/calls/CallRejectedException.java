package uk.dapp.platform.calls;

/**
 * The receiver refused the request in a way that sending it again cannot cure (400, 404, 409,
 * 422...): not retried, not counted against the circuit breaker. {@link #reason} is what the
 * receiver's problem said (its detail, and each field with its rule and message), so that a sender
 * can tell a person why (only to the sender's {@code RefusalHandler}s, into the case's own record; never
 * into the exception's message, which is logged).
 */
public class CallRejectedException extends RuntimeException {

    /** The longest reason kept. */
    public static final int REASON_LIMIT = 500;

    private final int status;
    private final String reason;

    public CallRejectedException(String destination, int status) {
        this(destination, status, null);
    }

    public CallRejectedException(String destination, int status, String reason) {
        // the reason stays out of the message, which is logged and kept on the outbox message: a receiver
        // may quote what it was sent (a partner's name), and logs carry no names
        super(destination + " refused the request with HTTP " + status);
        this.status = status;
        this.reason = reason == null ? "HTTP " + status : reason;
    }

    public int status() {
        return status;
    }

    /** What the receiver said, or "HTTP 4xx" when its answer said nothing readable. */
    public String reason() {
        return reason;
    }
}
