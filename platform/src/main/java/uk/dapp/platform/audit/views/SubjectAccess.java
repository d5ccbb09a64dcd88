package uk.dapp.platform.audit.views;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Predicate;
import uk.dapp.platform.api.model.SubjectAccessExportDto;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.AccessReason;

/**
 * What every subject access export shares, whichever service makes it: the admin's stated reason
 * is checked and the export audited with it before anything is read (so an export that then finds
 * nothing is on record too), and the export carries when it was made, the reason, and the case's
 * audit trail in the service.
 */
public class SubjectAccess {

    /** The resource type of the export of what a service holds about the person of a case. */
    public static final String RESOURCE = "subject-access";

    private final AuditWriter audit;
    private final AuditViews views;
    private final Clock clock;

    public SubjectAccess(AuditWriter audit, AuditViews views, Clock clock) {
        this.audit = audit;
        this.views = views;
        this.clock = clock;
    }

    /**
     * Starts the export of the person of a case: 400 naming {@value AccessReason#HEADER} when the
     * reason is missing or too short, else the export audited and its header with the case's audit
     * trail (this export's record included), without the records {@code withheld} picks: those
     * about another person's data, which the export leaves out.
     */
    public SubjectAccessExportDto ofCase(CaseId caseId, String statedReason, Predicate<AuditRecord> withheld) {
        String reason = AccessReason.require(statedReason);
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, caseId.value(), reason);
        return new SubjectAccessExportDto(clock.instant().atOffset(ZoneOffset.UTC), reason)
                .auditTrail(views.trail(caseId, withheld.negate()));
    }

    /**
     * Starts the export of one other person known within a case (a partner), audited as a read of
     * {@code resourceType}/{@code resourceId} with the reason; it carries no audit trail.
     */
    public SubjectAccessExportDto ofPerson(CaseId caseId, String resourceType, String resourceId, String statedReason) {
        String reason = AccessReason.require(statedReason);
        audit.record(AuditAction.READ, caseId.value(), resourceType, resourceId, reason);
        return new SubjectAccessExportDto(clock.instant().atOffset(ZoneOffset.UTC), reason).auditTrail(null);
    }
}
