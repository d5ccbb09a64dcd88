package uk.dapp.platform.audit.views;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.api.SubjectAccessApi;
import uk.dapp.platform.caseid.CaseId;

/** Every service's subject access export of a case (common.yaml), answered by its {@link CaseSubjectAccess}. */
@RestController
public class SubjectAccessController implements SubjectAccessApi {

    private final CaseSubjectAccess exports;

    public SubjectAccessController(CaseSubjectAccess exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<Object> getCaseSubjectAccess(String caseId, String xAccessReason) {
        return ResponseEntity.ok(exports.ofCase(CaseId.parse(caseId), xAccessReason));
    }
}
