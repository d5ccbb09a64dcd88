package uk.dapp.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import uk.dapp.platform.input.ControlCharacters;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * Identifiers and search terms in the path and the query never hold a control character (a NUL in
 * a name search reached the store and gave 500): refused with 400 naming the parameter, before the
 * handler runs. Bodies are checked as they are read ({@code StrictJson}).
 */
public class ControlCharacterInterceptor implements HandlerInterceptor {

    static final String RULE = "ControlCharacter";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldViolation> violations = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            pathVariables.forEach((name, value) -> {
                if (ControlCharacters.inValue(value)) {
                    violations.add(violation(name));
                }
            });
        }
        request.getParameterMap().forEach((name, values) -> {
            boolean refused = ControlCharacters.inValue(name);
            for (String value : values) {
                refused |= ControlCharacters.inValue(value);
            }
            if (refused) {
                violations.add(violation(ControlCharacters.inValue(name) ? "query" : name));
            }
        });
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        return true;
    }

    private static FieldViolation violation(String name) {
        return new FieldViolation(name, RULE, "must not hold control characters");
    }
}
