package uk.dapp.partnersupport.contact;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.SafeContactApi;
import uk.dapp.partnersupport.api.model.SafeContactDto;
import uk.dapp.partnersupport.api.model.SafeContactUpdateDto;
import uk.dapp.partnersupport.common.Times;

@RestController
class SafeContactController implements SafeContactApi {

    private final SafeContactService service;

    SafeContactController(SafeContactService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<SafeContactDto> putSafeContact(UUID trackId, SafeContactUpdateDto body) {
        return ResponseEntity.ok(toDto(service.put(
                trackId,
                new SafeContactDetails(
                        body.getSafeNumber(), body.getSafeTimes(), body.getMayLeaveMessage(), body.getCodeWord()),
                body.getVersion())));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<SafeContactDto> getSafeContact(UUID trackId) {
        return ResponseEntity.ok(toDto(service.get(trackId)));
    }

    static SafeContactDto toDto(SafeContactService.View view) {
        SafeContactDetails details = view.details();
        return new SafeContactDto(
                UUID.fromString(view.trackId()),
                details.safeNumber(),
                details.safeTimes(),
                details.mayLeaveMessage(),
                details.codeWord(),
                view.updatedBy(),
                Times.utc(view.updatedAt()),
                view.version());
    }
}
