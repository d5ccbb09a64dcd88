package uk.dapp.gateway.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The firewall's rules for header names and values, as Spring Security's strict firewall states them, checked
 * character by character instead of by its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for
 * a name, the same with tab allowed for a value): the firewall checks every header read through it, and a
 * bearer token's header is over a kilobyte long, on every request (issue 20). The same characters pass and fail
 * ({@code HeaderCharactersTest} compares both over every code point).
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    /** Spring Security's strict firewall with these rules in place of its regular expressions, nothing else changed. */
    static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        return firewall;
    }

    /** Every character assigned in Unicode and none a control character. */
    static boolean allowedInName(@Nullable String name) {
        return allAllowed(name, false);
    }

    /** Every character assigned in Unicode and none a control character but tab. */
    static boolean allowedInValue(@Nullable String value) {
        return allAllowed(value, true);
    }

    private static boolean allAllowed(@Nullable String text, boolean tab) {
        if (text == null) {
            return true; // the firewall asks about a header the request does not hold, too
        }
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            // printable ASCII, almost every character of every header, needs no table look-up
            if (c < 0x20 || c >= 0x7f) {
                int type = Character.getType(c);
                if (!(tab && c == '\t') && (type == Character.UNASSIGNED || type == Character.CONTROL)) {
                    return false;
                }
            }
            i += Character.charCount(c);
        }
        return true;
    }
}
