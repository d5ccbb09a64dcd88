package uk.dapp.platform.problem;

/**
 * A service this answer depends on (Keycloak's directory, say) could not answer: 503 with a
 * Retry-After, so the caller knows to try again rather than report a defect. Nothing was changed.
 */
public class DependencyUnavailableException extends RuntimeException {

    /** Seconds the caller is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    public DependencyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public DependencyUnavailableException(String message) {
        super(message);
    }
}
