package uk.dapp.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import uk.dapp.web.WebProperties;
import uk.dapp.web.security.Role;
import uk.dapp.web.security.SignedInUser;

/**
 * What the layout needs on every page, set before any handler runs (so error pages have it too):
 * {@code user} (absent when signed out), {@code navigation}, {@code govukFrontend} (the pinned
 * version's path), {@code sessionTimeout} (the idle timeout and its warning, for the timeout dialog)
 * and {@code quickExitUrl} (on every page of a partner support worker and every partner page: the
 * "Exit this page" button goes there).
 * Templates read them as variables; the CSP nonce is {@code cspNonce}.
 */
@Component
public class PageAttributes implements HandlerInterceptor {

    /** The idle timeout as pages state it, and when the script warns. */
    public record SessionTimeout(long idleSeconds, long warnBeforeSeconds, String idleWords) {}

    /** Where the partner pages live; each carries "Exit this page", whoever asks for it. */
    public static final String PARTNER_PAGES = "/partner-support";

    private final WebProperties properties;

    public PageAttributes(WebProperties properties) {
        this.properties = properties;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            SignedInUser user = SignedInUser.of(authentication);
            request.setAttribute("user", user);
            request.setAttribute("navigation", Navigation.of(user, request.getRequestURI()));
            if (user.has(Role.PARTNER_SUPPORT_WORKER)) {
                request.setAttribute("quickExitUrl", properties.quickExit().url());
            }
        }
        if (request.getRequestURI().startsWith(PARTNER_PAGES)) {
            request.setAttribute("quickExitUrl", properties.quickExit().url());
        }
        request.setAttribute(
                "govukFrontend", "/govuk/" + properties.govukFrontend().version());
        WebProperties.Session session = properties.session();
        long minutes = session.idleTimeout().toMinutes();
        request.setAttribute(
                "sessionTimeout",
                new SessionTimeout(
                        session.idleTimeout().toSeconds(),
                        session.warnBefore().toSeconds(),
                        minutes == 1 ? "1 minute" : minutes + " minutes"));
        return true;
    }
}
