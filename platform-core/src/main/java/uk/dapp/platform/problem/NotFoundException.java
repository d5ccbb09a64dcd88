package uk.dapp.platform.problem;

/** Nothing with that identifier, or nothing this caller may know exists: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
