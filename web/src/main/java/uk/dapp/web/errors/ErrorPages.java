package uk.dapp.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.dapp.web.gateway.GatewayException;
import uk.dapp.web.gateway.GatewayException.ConflictException;
import uk.dapp.web.gateway.GatewayException.NotFoundException;
import uk.dapp.web.gateway.GatewayException.NotPermittedException;
import uk.dapp.web.gateway.GatewayException.RejectedRequestException;
import uk.dapp.web.gateway.GatewayException.ServiceUnavailableException;
import uk.dapp.web.gateway.GatewayException.SignInAgainException;
import uk.dapp.web.security.KeycloakRegistration;

/**
 * What every page shows when a call did not succeed and its controller did not handle the failure
 * itself (a form handles a 400 by showing each field's error): a GOV.UK error page for 404, 403,
 * 409 (what changed, and a reload), a service that is down ("not available right now"), a
 * request the service refused, and anything else ("Sorry, there is a problem"), never a stack
 * trace. A refused or lapsed sign-in goes back to Keycloak and returns to the page.
 */
@ControllerAdvice
public class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final RequestCache requestCache = new HttpSessionRequestCache();

    @ExceptionHandler({
        NotFoundException.class,
        PageNotFoundException.class,
        NoHandlerFoundException.class,
        NoResourceFoundException.class
    })
    ModelAndView notFound() {
        return page("errors/not-found", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({NotPermittedException.class, PageNotPermittedException.class})
    ModelAndView notPermitted() {
        return page("errors/forbidden", HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(ServiceUnavailableException.class)
    ModelAndView unavailable(ServiceUnavailableException e) {
        LOG.warn("{}: the page says it is not available right now", e.getMessage());
        return page("errors/unavailable", HttpStatus.SERVICE_UNAVAILABLE)
                .addObject("service", e.service().label());
    }

    /** The page the user was on answers the reload: forms post to the address that shows them. */
    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return page("errors/conflict", HttpStatus.CONFLICT)
                .addObject("problem", e.problem())
                .addObject("reload", request.getRequestURI());
    }

    @ExceptionHandler(RejectedRequestException.class)
    ModelAndView rejected(RejectedRequestException e) {
        return page("errors/rejected", HttpStatus.BAD_REQUEST).addObject("problem", e.problem());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ModelAndView badAddress() {
        return page("errors/not-found", HttpStatus.NOT_FOUND);
    }

    /** The access token could not be had or was refused: sign in again (silently while Keycloak's session lasts). */
    @ExceptionHandler({ClientAuthorizationRequiredException.class, SignInAgainException.class})
    ModelAndView signInAgain(HttpServletRequest request, HttpServletResponse response) {
        if ("GET".equals(request.getMethod())) {
            requestCache.saveRequest(request, response);
        }
        return new ModelAndView("redirect:/oauth2/authorization/" + KeycloakRegistration.ID);
    }

    /**
     * A download broke off after its first bytes were sent: no page can follow. Thrown on, past
     * every handler, to the container, which cuts the connection rather than end the response, so
     * the browser reports a failed download instead of keeping part of a file as if whole.
     */
    @ExceptionHandler(DownloadBrokenOffException.class)
    void brokenOff(DownloadBrokenOffException e) {
        LOG.warn("{}: the download is cut off", e.getMessage());
        throw e;
    }

    @ExceptionHandler(GatewayException.class)
    ModelAndView gatewayProblem(GatewayException e) {
        return problem(e);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView anythingElse(Exception e) {
        return problem(e);
    }

    private static ModelAndView problem(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // the exception's class and message only: a call's message names a status and a service, never case data
        LOG.error("error reference {}: {}", reference, e.toString(), e);
        return page("errors/problem", HttpStatus.INTERNAL_SERVER_ERROR).addObject("reference", reference);
    }

    static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }
}
