package uk.dapp.partnersupport.contact;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;
import uk.dapp.partnersupport.api.ContactAttemptsApi;
import uk.dapp.partnersupport.api.model.ContactAttemptDto;
import uk.dapp.partnersupport.api.model.ContactAttemptNewDto;
import uk.dapp.partnersupport.api.model.ContactMethodDto;
import uk.dapp.partnersupport.api.model.ContactOutcomeDto;
import uk.dapp.partnersupport.common.Times;

@RestController
class ContactAttemptController implements ContactAttemptsApi {

    private final ContactAttemptService service;

    ContactAttemptController(ContactAttemptService service) {
        this.service = service;
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<ContactAttemptDto> logContactAttempt(UUID trackId, ContactAttemptNewDto body) {
        ContactAttempt attempt = service.log(
                trackId,
                body.getAttemptedAt().toInstant(),
                ContactMethod.valueOf(body.getMethod().name()),
                ContactOutcome.valueOf(body.getOutcome().name()));
        return ResponseEntity.created(URI.create("/partner-tracks/" + trackId + "/contact-attempts"))
                .body(toDto(attempt));
    }

    @Override
    @PreAuthorize("hasRole('partner-support-worker')")
    public ResponseEntity<List<ContactAttemptDto>> listContactAttempts(UUID trackId) {
        return ResponseEntity.ok(service.of(trackId).stream()
                .map(ContactAttemptController::toDto)
                .toList());
    }

    static ContactAttemptDto toDto(ContactAttempt attempt) {
        return new ContactAttemptDto(
                UUID.fromString(attempt.attemptId()),
                UUID.fromString(attempt.trackId()),
                Times.utc(attempt.attemptedAt()),
                ContactMethodDto.valueOf(attempt.method().name()),
                ContactOutcomeDto.valueOf(attempt.outcome().name()),
                attempt.loggedBy(),
                Times.utc(attempt.loggedAt()));
    }
}
