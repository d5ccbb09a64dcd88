package uk.dapp.gateway.outcomes;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.gateway.outcomes.*}: the disclosure control of the outcome extract and KPIs, and how
 * the services' contributions are read.
 *
 * @param k the smallest class of quasi-identifiers a released row may be in (a request may raise it, never lower it)
 * @param maxSuppressedFraction the share of rows the plan may suppress before it generalises further
 * @param regions area to region, for the region level of the area ladder (unmapped areas become OTHER)
 * @param idleTimeout how long a service may send nothing before its contributions count as unavailable
 * @param prefetch rows decoded ahead per service
 * @param workers extracts and KPI tables computed at once (their blocking work has a pool of its own)
 * @param queued requests for them that may wait for a worker; beyond that the answer is 503
 * @param comparisons the outcome framework's comparison figures shown beside the KPI rates, by rate name
 *     ({@code dapp.gateway.outcomes.comparisons.lessAbuseRate.figure: 0.6},
 *     {@code ...source: "..."}); none by default: the partnership enters the figures its framework uses
 */
@ConfigurationProperties("dapp.gateway.outcomes")
public record OutcomesProperties(
        Integer k,
        Double maxSuppressedFraction,
        Map<String, String> regions,
        Duration idleTimeout,
        Integer prefetch,
        Integer workers,
        Integer queued,
        Map<String, Comparison> comparisons) {

    /** A comparison figure (a proportion, 0 to 1) and where it comes from. */
    public record Comparison(BigDecimal figure, String source) {}

    public OutcomesProperties {
        k = k == null ? 5 : k;
        maxSuppressedFraction = maxSuppressedFraction == null ? 0.05 : maxSuppressedFraction;
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        idleTimeout = idleTimeout == null ? Duration.ofSeconds(30) : idleTimeout;
        prefetch = prefetch == null ? 256 : prefetch;
        workers = workers == null ? 4 : workers;
        queued = queued == null ? 16 : queued;
        comparisons = comparisons == null ? Map.of() : Map.copyOf(comparisons);
        if (k < 2) {
            throw new IllegalArgumentException("dapp.gateway.outcomes.k must be at least 2");
        }
        if (maxSuppressedFraction < 0 || maxSuppressedFraction > 1) {
            throw new IllegalArgumentException("dapp.gateway.outcomes.max-suppressed-fraction must be between 0 and 1");
        }
    }
}
