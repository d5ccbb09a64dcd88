package uk.dapp.platform.problem;

import java.util.List;

/** A domain rule the request broke: 400 naming each field and rule. Nothing was stored. */
public class RuleViolationException extends RuntimeException {

    private final List<FieldViolation> violations;

    public RuleViolationException(String field, String rule, String message) {
        this(List.of(new FieldViolation(field, rule, message)));
    }

    public RuleViolationException(List<FieldViolation> violations) {
        super(violations.isEmpty() ? "invalid request" : violations.getFirst().message());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
