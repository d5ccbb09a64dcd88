package uk.dapp.platform.calls;

/** The destination's circuit breaker is open: the call was not made; try again after it half-opens. */
public class CircuitOpenException extends RuntimeException {

    public CircuitOpenException(String destination) {
        super("circuit to " + destination + " is open");
    }
}
