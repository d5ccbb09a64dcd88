package uk.dapp.platform.audit.views;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import uk.dapp.platform.api.model.AuditActionDto;
import uk.dapp.platform.api.model.AuditRecordDto;
import uk.dapp.platform.api.model.AuditRecordPageDto;
import uk.dapp.platform.api.model.UnusualAccessDto;
import uk.dapp.platform.api.model.UnusualAccessReportDto;
import uk.dapp.platform.api.model.UnusualAccessRuleDto;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditFilter;
import uk.dapp.platform.audit.AuditQueries;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.audit.unusual.BulkReads;
import uk.dapp.platform.audit.unusual.Finding;
import uk.dapp.platform.audit.unusual.RestrictedResources;
import uk.dapp.platform.audit.unusual.UnusualAccessDetector;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.RuleViolationException;

/**
 * The admin's audit views (common.yaml), built here for every service: each service's controller
 * only hands its parameters over. Every view is itself audited, as a search of the
 * {@value #RESOURCE} before it is read, so the answer includes its own record.
 */
public class AuditViews {

    /** The resource type of reads of the audit log itself: not casework. */
    public static final String RESOURCE = "audit-log";

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    private final AuditQueries queries;
    private final AuditWriter audit;
    private final List<RestrictedResources> restricted;
    private final BulkReads bulk;
    private final Clock clock;

    public AuditViews(
            AuditQueries queries,
            AuditWriter audit,
            List<RestrictedResources> restricted,
            BulkReads bulk,
            Clock clock) {
        this.queries = queries;
        this.audit = audit;
        this.restricted = List.copyOf(restricted);
        this.bulk = bulk;
        this.clock = clock;
    }

    /** {@code GET /audit-records}. */
    public AuditRecordPageDto page(
            @Nullable String caseId,
            @Nullable String user,
            @Nullable AuditActionDto action,
            @Nullable OffsetDateTime from,
            @Nullable OffsetDateTime to,
            int page,
            int size) {
        String canonicalCaseId = caseId == null ? null : CaseId.parse(caseId).value();
        if (from != null && to != null && !from.isBefore(to)) {
            throw new RuleViolationException("from", "Before", "'from' must be before 'to'");
        }
        AuditFilter filter = new AuditFilter(
                canonicalCaseId,
                user,
                action == null ? null : AuditAction.valueOf(action.name()),
                from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant());
        audit.record(AuditAction.SEARCH, canonicalCaseId, RESOURCE, null);
        Page<AuditRecord> found = queries.page(filter, page, size);
        return new AuditRecordPageDto(
                found.map(AuditViews::toDto).getContent(), page, size, found.getTotalElements(), found.getTotalPages());
    }

    /** {@code GET /audit-records/unusual}. */
    public UnusualAccessReportDto unusual(@Nullable OffsetDateTime from, @Nullable OffsetDateTime to, int limit) {
        Instant end = to == null ? clock.instant() : to.toInstant();
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from.toInstant();
        List<FieldViolation> broken = new ArrayList<>();
        if (!start.isBefore(end)) {
            broken.add(new FieldViolation("from", "Before", "the window must start before it ends"));
        } else if (Duration.between(start, end).compareTo(LONGEST_WINDOW) > 0) {
            broken.add(new FieldViolation("to", "MaxWindow", "the window may be at most 31 days long"));
        }
        if (!broken.isEmpty()) {
            throw new RuleViolationException(broken);
        }
        audit.record(AuditAction.SEARCH, null, RESOURCE, "unusual");
        UnusualAccessDetector detector = new UnusualAccessDetector(restricted, Set.of(RESOURCE), bulk, limit);
        queries.readsBetween(start, end, detector::accept);
        UnusualAccessDetector.Result result = detector.finish();
        return new UnusualAccessReportDto(
                utc(start),
                utc(end),
                bulk.threshold(),
                bulk.window().toString(),
                result.findings().stream().map(AuditViews::toDto).toList(),
                result.truncated());
    }

    /** A case's audit trail in this service, oldest first, the records {@code shown} keeps (for a subject access export). */
    public List<AuditRecordDto> trail(CaseId caseId, Predicate<AuditRecord> shown) {
        return queries.trail(caseId.value()).stream()
                .filter(shown)
                .map(AuditViews::toDto)
                .toList();
    }

    static AuditRecordDto toDto(AuditRecord record) {
        // records written before a field existed lack it: shown as absent, never refused
        return new AuditRecordDto()
                .id(record.id())
                .at(utc(record.at()))
                .userId(record.userId())
                .username(record.username() == null ? record.userId() : record.username())
                .roles(record.roles() == null ? List.of() : record.roles())
                .caseId(record.caseId())
                .action(
                        record.action() == null
                                ? null
                                : AuditActionDto.valueOf(record.action().name()))
                .resourceType(record.resourceType())
                .resourceId(record.resourceId())
                .reason(record.reason())
                .correlationId(record.correlationId())
                .query(record.query());
    }

    static UnusualAccessDto toDto(Finding finding) {
        return new UnusualAccessDto()
                .rule(UnusualAccessRuleDto.valueOf(finding.rule().name()))
                .userId(finding.userId())
                .username(finding.username() == null ? finding.userId() : finding.username())
                .roles(finding.roles())
                .firstAt(utc(finding.firstAt()))
                .lastAt(utc(finding.lastAt()))
                .accesses(finding.accesses())
                .distinctCases(finding.distinctCases())
                .auditRecordId(finding.auditRecordId())
                .caseId(finding.caseId())
                .resourceType(finding.resourceType())
                .reason(finding.reason());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
