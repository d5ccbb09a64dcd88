package uk.dapp.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import uk.dapp.platform.caseid.CaseId;

/**
 * Adds who is asking and about which case to the MDC of every log line a request writes once its
 * handler is known: {@value #USER} is the token's subject (an opaque ID, never the username or a
 * name) and {@value #CASE} the {@code {caseId}} of the operation's path when it is a well-formed case
 * ID. The structured (JSON) logs carry both with the correlation ID; {@link CorrelationIdFilter}
 * clears them when the request ends.
 */
public class RequestLogContext implements HandlerInterceptor {

    public static final String USER = "userId";
    public static final String CASE = "caseId";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token
                && token.getToken().getSubject() != null) {
            MDC.put(USER, token.getToken().getSubject());
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("caseId") instanceof String caseId
                && CaseId.isValid(caseId)) {
            MDC.put(CASE, caseId);
        }
        return true;
    }
}
