package uk.dapp.partnersupport.consent;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusMachine;

/**
 * Consent to support and to information sharing. Withdrawal takes effect at once: anything that
 * shares information asks {@link #sharingPermitted} at the moment it shares (never a copy taken
 * earlier), so a withdrawn consent stops it from the next request on.
 */
@Service
public class ConsentService {

    static final String RESOURCE = "consent";

    private final ConsentRepository consents;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    ConsentService(ConsentRepository consents, PartnerTrackService tracks, AuditWriter audit, Clock clock) {
        this.consents = consents;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    Consent record(UUID trackId, ConsentType type, LocalDate givenOn, Set<SharingScope> scope) {
        if (givenOn.isAfter(Times.today(clock))) {
            throw new RuleViolationException("givenOn", "NotFuture", "consent cannot be recorded before it is given");
        }
        if (type == ConsentType.INFORMATION_SHARING && scope.isEmpty()) {
            throw new RuleViolationException("scope", "NotEmpty", "say who information may be shared with");
        }
        if (type == ConsentType.SUPPORT && !scope.isEmpty()) {
            throw new RuleViolationException(
                    "scope", "OnlyForInformationSharing", "a scope belongs to information-sharing consent only");
        }
        PartnerTrack track = tracks.findOpen(trackId);
        Consent consent = consents.insert(new Consent(
                UUID.randomUUID().toString(),
                track.trackId(),
                track.caseId(),
                type,
                givenOn,
                scope.stream().sorted().toList(),
                ConsentStatus.GIVEN,
                CurrentUser.get().username(),
                clock.instant(),
                null,
                null,
                null,
                null));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, consent.consentId());
        return consent;
    }

    /** Allowed on a closed track too: a partner can always withdraw. */
    Consent withdraw(UUID trackId, UUID consentId, String note) {
        PartnerTrack track = tracks.find(trackId);
        Consent consent = consents.findById(consentId.toString())
                .filter(c -> c.trackId().equals(track.trackId()))
                .orElseThrow(() -> new NotFoundException("No consent " + consentId + " on this track"));
        ConsentStatus.MACHINE.next(consent.status(), ConsentStatus.WITHDRAW, StatusMachine.Actor.PERSON);
        Consent saved = consents.save(consent.withdrawn(
                clock.instant(), CurrentUser.get().username(), note == null || note.isBlank() ? null : note.strip()));
        audit.record(AuditAction.UPDATE, track.caseId(), RESOURCE, saved.consentId(), "withdraw");
        return saved;
    }

    List<Consent> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<Consent> found = consents.findByTrackIdOrderByRecordedAtAsc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }

    /** Whether the partner of this track has information-sharing consent in force covering the scope, now. */
    public boolean sharingPermitted(String trackId, SharingScope scope) {
        return consents
                .findByTrackIdAndTypeAndStatus(trackId, ConsentType.INFORMATION_SHARING, ConsentStatus.GIVEN)
                .stream()
                .anyMatch(c -> c.inForce() && c.scope().contains(scope));
    }
}
