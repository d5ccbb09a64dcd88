package uk.dapp.platform.audit.views;

import java.time.OffsetDateTime;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.api.AuditApi;
import uk.dapp.platform.api.model.AuditActionDto;
import uk.dapp.platform.api.model.AuditRecordPageDto;
import uk.dapp.platform.api.model.UnusualAccessReportDto;

/** The admin's audit views of a service's own log (common.yaml), the same in every service. */
@RestController
public class AuditController implements AuditApi {

    private final AuditViews views;

    public AuditController(AuditViews views) {
        this.views = views;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<AuditRecordPageDto> listAuditRecords(
            String caseId,
            String user,
            AuditActionDto action,
            OffsetDateTime from,
            OffsetDateTime to,
            Integer page,
            Integer size) {
        return ResponseEntity.ok(views.page(caseId, user, action, from, to, page, size));
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<UnusualAccessReportDto> listUnusualAccesses(
            OffsetDateTime from, OffsetDateTime to, Integer limit) {
        return ResponseEntity.ok(views.unusual(from, to, limit));
    }
}
