package uk.dapp.gateway.problem;

/** A service's contributions could not be read in full: the extract or KPIs cannot be made now. */
public class ContributionsUnavailableException extends RuntimeException {

    private final String service;

    public ContributionsUnavailableException(String service, String detail, Throwable cause) {
        super(service + ": " + detail, cause);
        this.service = service;
    }

    /** The service that failed, by its route name ({@code risk-matrix}, {@code programme}, {@code partner-support}). */
    public String service() {
        return service;
    }
}
