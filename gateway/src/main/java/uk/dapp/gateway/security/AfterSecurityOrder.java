package uk.dapp.gateway.security;

/**
 * Orders for WebFilters that must run once the caller is authenticated. Spring Security's filter
 * chain runs at -100 ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}, which is
 * not public); a filter ordered after it runs only for requests the chain let through.
 *
 * <p>The rate limit comes first, so that refused requests (internal paths, malformed case IDs)
 * still count against the caller.
 */
public final class AfterSecurityOrder {

    static final int SECURITY_CHAIN = -100;
    public static final int SUBJECT = SECURITY_CHAIN + 1;
    public static final int RATE_LIMIT = SECURITY_CHAIN + 2;
    public static final int INTERNAL_PATHS = SECURITY_CHAIN + 3;
    public static final int CASE_ID_CHECK = SECURITY_CHAIN + 4;
    public static final int PATH_AND_QUERY = SECURITY_CHAIN + 5;
    public static final int REQUEST_BODY_LIMIT = SECURITY_CHAIN + 6;

    private AfterSecurityOrder() {}
}
