package uk.dapp.platform.security;

import uk.dapp.platform.problem.RuleViolationException;

/**
 * The reason an admin states for reading casework (docs/domain/data-protection.md), sent as the
 * {@value #HEADER} header and kept in the audit record of the read. A header rather than a query
 * parameter: it stays out of URLs, browser history and access logs. Checked here as well as by the
 * contract, because only here is it known that spaces around it do not count.
 */
public final class AccessReason {

    public static final String HEADER = "X-Access-Reason";
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 500;

    private AccessReason() {}

    /** The reason as it will be audited (surrounding spaces dropped), or a 400 naming the header and rule. */
    public static String require(String stated) {
        if (stated == null || stated.isBlank()) {
            throw new RuleViolationException(
                    HEADER, "Required", "an admin reading case data states why, in the " + HEADER + " header");
        }
        String reason = stated.strip();
        if (reason.length() < MIN_LENGTH || reason.length() > MAX_LENGTH) {
            throw new RuleViolationException(
                    HEADER, "Size", "the reason is " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (reason.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException(HEADER, "Pattern", "the reason is one line of text");
        }
        return reason;
    }
}
