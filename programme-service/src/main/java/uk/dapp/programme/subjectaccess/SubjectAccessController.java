package uk.dapp.programme.subjectaccess;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.programme.api.SubjectAccessApi;
import uk.dapp.programme.api.model.ProgrammeSubjectAccessDto;

@RestController
class SubjectAccessController implements SubjectAccessApi {

    private final SubjectAccessExports exports;

    SubjectAccessController(SubjectAccessExports exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<ProgrammeSubjectAccessDto> getProgrammeSubjectAccess(String caseId, String xAccessReason) {
        return ResponseEntity.ok(exports.of(CaseId.parse(caseId), xAccessReason));
    }
}
