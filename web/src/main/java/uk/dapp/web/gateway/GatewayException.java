package uk.dapp.web.gateway;

/**
 * A call through the gateway that did not succeed, already sorted by what a page should do about
 * it (the subclasses); {@code ErrorPages} renders each one that a controller does not handle.
 */
public class GatewayException extends RuntimeException {

    private final Service service;
    private final ServiceProblem problem;

    GatewayException(Service service, ServiceProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
        this.problem = problem;
    }

    public Service service() {
        return service;
    }

    public ServiceProblem problem() {
        return problem;
    }

    /** 400: the request broke a rule of the service; a form shows each field's error beside it. */
    public static final class RejectedRequestException extends GatewayException {
        RejectedRequestException(Service service, ServiceProblem problem) {
            super(service, problem, service.name() + " refused the request (400)", null);
        }
    }

    /** 401: the token was refused after all; the user signs in again. */
    public static final class SignInAgainException extends GatewayException {
        SignInAgainException(Service service, ServiceProblem problem) {
            super(service, problem, service.name() + " refused the token (401)", null);
        }
    }

    /** 403: the user's role may not do this. */
    public static final class NotPermittedException extends GatewayException {
        NotPermittedException(Service service, ServiceProblem problem) {
            super(service, problem, service.name() + " refused the role (403)", null);
        }
    }

    /** 404: nothing there, or nothing this user may know of (the services answer the same). */
    public static final class NotFoundException extends GatewayException {
        NotFoundException(Service service, ServiceProblem problem) {
            super(service, problem, service.name() + " has no such thing (404)", null);
        }
    }

    /** 409: what is stored changed, or does not allow this now; the page says what and offers a reload. */
    public static final class ConflictException extends GatewayException {
        ConflictException(Service service, ServiceProblem problem) {
            super(service, problem, service.name() + " answered a conflict (409)", null);
        }
    }

    /** Down, failing, too slow, or refusing for load (429, 5xx, no answer): "not available right now". */
    public static final class ServiceUnavailableException extends GatewayException {
        ServiceUnavailableException(Service service, ServiceProblem problem, Throwable cause) {
            super(
                    service,
                    problem,
                    service.name() + " is not available" + (problem == null ? "" : " (" + problem.status() + ")"),
                    cause);
        }
    }
}
