package uk.dapp.platform.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dapp.audit.unusual.*}: when one user's reads count as a bulk read. Local policy: the
 * defaults are well above a worker's day (a caseload is tens of cases, not dozens an hour).
 *
 * @param bulkThreshold more distinct cases than this within the window is a bulk read
 * @param bulkWindow the sliding window
 */
@ConfigurationProperties("dapp.audit.unusual")
public record AuditProperties(Integer bulkThreshold, Duration bulkWindow) {

    public AuditProperties {
        bulkThreshold = bulkThreshold == null ? 50 : bulkThreshold;
        bulkWindow = bulkWindow == null ? Duration.ofHours(1) : bulkWindow;
    }
}
