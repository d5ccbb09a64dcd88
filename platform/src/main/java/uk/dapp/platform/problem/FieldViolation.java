package uk.dapp.platform.problem;

/** One broken rule: which field, which rule, in words. Serialised into the problem's {@code errors}. */
public record FieldViolation(String field, String rule, String message) {
}
