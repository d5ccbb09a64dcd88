package uk.dapp.platform.calls;

/**
 * The receiver refused the request in a way that sending it again cannot cure (400, 404, 409,
 * 422...): not retried, not counted against the circuit breaker.
 */
public class CallRejectedException extends RuntimeException {

    private final int status;

    public CallRejectedException(String destination, int status) {
        super(destination + " refused the request with HTTP " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
