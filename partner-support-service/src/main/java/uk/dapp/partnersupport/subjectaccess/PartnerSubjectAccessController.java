package uk.dapp.partnersupport.subjectaccess;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.PartnerSubjectAccessApi;
import uk.dapp.partnersupport.api.model.PartnerSubjectAccessDto;

/** A partner's own subject access export; the case's export is the platform's (common.yaml). */
@RestController
class PartnerSubjectAccessController implements PartnerSubjectAccessApi {

    private final SubjectAccessExports exports;

    PartnerSubjectAccessController(SubjectAccessExports exports) {
        this.exports = exports;
    }

    @Override
    @PreAuthorize("hasRole('admin')")
    public ResponseEntity<PartnerSubjectAccessDto> getPartnerSubjectAccess(UUID trackId, String xAccessReason) {
        return ResponseEntity.ok(exports.ofPartner(trackId, xAccessReason));
    }
}
