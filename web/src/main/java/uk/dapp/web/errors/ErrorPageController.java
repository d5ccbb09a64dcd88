package uk.dapp.web.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside any controller (a CSRF token missing, a request the container refused):
 * the same GOV.UK pages as {@link ErrorPages}, never Spring's whitelabel page or a stack trace.
 */
@Controller
public class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // a download that broke off after it began (DownloadBrokenOffException): nothing may be added
            // to the file; the container then cuts the connection
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> ErrorPages.page("errors/not-found", HttpStatus.NOT_FOUND);
            case FORBIDDEN -> ErrorPages.page("errors/forbidden", HttpStatus.FORBIDDEN);
            default ->
                status.is4xxClientError()
                        ? ErrorPages.page("errors/rejected", status)
                        : ErrorPages.page("errors/problem", status);
        };
    }
}
