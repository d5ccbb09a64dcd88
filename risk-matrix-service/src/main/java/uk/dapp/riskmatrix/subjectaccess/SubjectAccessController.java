package uk.dapp.riskmatrix.subjectaccess;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.riskmatrix.api.SubjectAccessApi;
import uk.dapp.riskmatrix.api.model.RiskMatrixSubjectAccessDto;

@RestController
class SubjectAccessController implements SubjectAccessApi {

    private final SubjectAccessExports exports;

    SubjectAccessController(SubjectAccessExports exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<RiskMatrixSubjectAccessDto> getRiskMatrixSubjectAccess(String caseId, String xAccessReason) {
        return ResponseEntity.ok(exports.of(CaseId.parse(caseId), xAccessReason));
    }
}
