package uk.dapp.platform.problem;

import org.springframework.context.MessageSourceResolvable;

/** One broken rule: which field, which rule, in words. Serialised into the problem's {@code errors}. */
public record FieldViolation(String field, String rule, String message) {

    /**
     * Field errors one 400 lists, the services' and the gateway's alike; {@code moreErrors} counts
     * the rest, so an answer never grows with the request.
     */
    public static final int MAX_LISTED = 25;

    /** The constraint's simple name (NotNull, Size, Pattern...): the first code is "Size.object.field", the last "Size". */
    public static String ruleOf(MessageSourceResolvable error) {
        String[] codes = error.getCodes();
        return codes == null || codes.length == 0 ? "Invalid" : codes[codes.length - 1];
    }
}
