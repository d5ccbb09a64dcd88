package uk.dapp.partnersupport.consent;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.ConsentApi;
import uk.dapp.partnersupport.api.model.ConsentDto;
import uk.dapp.partnersupport.api.model.ConsentNewDto;
import uk.dapp.partnersupport.api.model.ConsentStatusDto;
import uk.dapp.partnersupport.api.model.ConsentTypeDto;
import uk.dapp.partnersupport.api.model.ConsentWithdrawalDto;
import uk.dapp.partnersupport.api.model.SharingScopeDto;
import uk.dapp.partnersupport.common.Times;

@RestController
class ConsentController implements ConsentApi {

    private final ConsentService service;

    ConsentController(ConsentService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<ConsentDto> recordConsent(UUID trackId, ConsentNewDto body) {
        Set<SharingScope> scope = new LinkedHashSet<>();
        if (body.getScope() != null) {
            uk.dapp.partnersupport.common.Inputs.noNullItems(body.getScope(), "scope")
                    .forEach(s -> scope.add(SharingScope.valueOf(s.name())));
        }
        Consent consent =
                service.record(trackId, ConsentType.valueOf(body.getType().name()), body.getGivenOn(), scope);
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/consents"))
                .body(toDto(consent));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<ConsentDto>> listConsents(UUID trackId) {
        return ResponseEntity.ok(
                service.of(trackId).stream().map(ConsentController::toDto).toList());
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<ConsentDto> withdrawConsent(UUID trackId, UUID consentId, ConsentWithdrawalDto body) {
        return ResponseEntity.ok(toDto(service.withdraw(trackId, consentId, body == null ? null : body.getNote())));
    }

    static ConsentDto toDto(Consent consent) {
        return new ConsentDto(
                        UUID.fromString(consent.consentId()),
                        UUID.fromString(consent.trackId()),
                        ConsentTypeDto.valueOf(consent.type().name()),
                        consent.givenOn(),
                        consent.scope().stream()
                                .map(s -> SharingScopeDto.valueOf(s.name()))
                                .toList(),
                        ConsentStatusDto.valueOf(consent.status().name()),
                        consent.recordedBy())
                .withdrawnAt(Times.utc(consent.withdrawnAt()));
    }
}
