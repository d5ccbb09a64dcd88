package uk.dapp.platform.audit.unusual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.security.Roles;

/**
 * Applies every rule to a run of reads grouped by user and in time order within each user (as
 * {@code AuditQueries.readsBetween} hands them over), keeping at most {@code limit} findings, the
 * oldest; it holds one user's bulk-read window at a time, never the whole run.
 */
public class UnusualAccessDetector {

    private static final Comparator<Finding> OLDEST_FIRST = Comparator.comparing(Finding::firstAt)
            .thenComparing(Finding::userId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(finding -> finding.rule().ordinal());

    private final List<RestrictedResources> restricted;
    private final Set<String> notCasework;
    private final BulkReads bulk;
    private final int limit;
    private final PriorityQueue<Finding> kept;
    private long found;
    private String currentUser;
    private BulkReads.Scan scan;

    /**
     * @param notCasework resource types that name a case without being case data (the audit log
     *        itself), so an admin reading them is not break-glass
     */
    public UnusualAccessDetector(
            List<RestrictedResources> restricted, Set<String> notCasework, BulkReads bulk, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.restricted = List.copyOf(restricted);
        this.notCasework = Set.copyOf(notCasework);
        this.bulk = bulk;
        this.limit = limit;
        // the newest kept finding on top, so the one to drop when over the limit is at hand
        this.kept = new PriorityQueue<>(OLDEST_FIRST.reversed());
    }

    /** The next read; reads must come grouped by user, in time order within each. */
    public void accept(AuditRecord read) {
        if (read.action() != AuditAction.READ && read.action() != AuditAction.SEARCH) {
            return;
        }
        if (scan == null || !Objects.equals(currentUser, read.userId())) {
            finishUser();
            currentUser = read.userId();
            scan = bulk.scan();
        }
        List<String> roles = Finding.rolesOf(read);
        for (RestrictedResources rule : restricted) {
            if (rule.restricts(read.resourceType()) && !rule.allows(roles)) {
                keep(Finding.single(UnusualAccessRule.RESTRICTED_RESOURCE_READ, read));
                break;
            }
        }
        if (roles.contains(Roles.ADMIN) && read.caseId() != null && !notCasework.contains(read.resourceType())) {
            keep(Finding.single(UnusualAccessRule.ADMIN_CASEWORK_READ, read));
        }
        scan.accept(read).ifPresent(this::keep);
    }

    /** The findings, oldest first, at most {@code limit}. */
    public Result finish() {
        finishUser();
        List<Finding> findings = new ArrayList<>(kept);
        findings.sort(OLDEST_FIRST);
        return new Result(findings, found > findings.size());
    }

    public record Result(List<Finding> findings, boolean truncated) {}

    private void finishUser() {
        if (scan != null) {
            scan.finish().ifPresent(this::keep);
            scan = null;
        }
    }

    private void keep(Finding finding) {
        found++;
        kept.add(finding);
        if (kept.size() > limit) {
            kept.poll();
        }
    }
}
