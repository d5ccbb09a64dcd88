package uk.dapp.partnersupport.subjectaccess;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.SubjectAccessApi;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;
import uk.dapp.partnersupport.api.model.PartnerSupportSubjectAccessDto;
import uk.dapp.platform.caseid.CaseId;

@RestController
class SubjectAccessController implements SubjectAccessApi {

    private final SubjectAccessExports exports;

    SubjectAccessController(SubjectAccessExports exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<PartnerSupportSubjectAccessDto> getPartnerSupportSubjectAccess(String caseId,
            String xAccessReason) {
        return ResponseEntity.ok(exports.ofCase(CaseId.parse(caseId), xAccessReason));
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<PartnerSubjectAccessDto> getPartnerSubjectAccess(UUID trackId, String xAccessReason) {
        return ResponseEntity.ok(exports.ofPartner(trackId, xAccessReason));
    }
}
