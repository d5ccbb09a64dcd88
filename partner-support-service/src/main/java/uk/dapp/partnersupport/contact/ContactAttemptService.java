package uk.dapp.partnersupport.contact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackMarks;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

/** Logs contact attempts; the track learns of its first attempt and of the first time the partner was reached. */
@Service
class ContactAttemptService {

    static final String RESOURCE = "contact-attempt";
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private final ContactAttemptRepository attempts;
    private final PartnerTrackService tracks;
    private final TrackMarks marks;
    private final AuditWriter audit;
    private final Clock clock;

    ContactAttemptService(
            ContactAttemptRepository attempts,
            PartnerTrackService tracks,
            TrackMarks marks,
            AuditWriter audit,
            Clock clock) {
        this.attempts = attempts;
        this.tracks = tracks;
        this.marks = marks;
        this.audit = audit;
        this.clock = clock;
    }

    ContactAttempt log(UUID trackId, Instant attemptedAt, ContactMethod method, ContactOutcome outcome) {
        Instant now = clock.instant();
        if (attemptedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new RuleViolationException(
                    "attemptedAt", "NotFuture", "an attempt cannot be logged before it happens");
        }
        PartnerTrack track = tracks.findOpen(trackId);
        if (attemptedAt.isBefore(track.openedAt().minus(CLOCK_TOLERANCE))) {
            throw new RuleViolationException("attemptedAt", "AfterTrackOpened", "the attempt predates the track");
        }
        // the track first (its version guards against a concurrent change), then the attempt
        marks.contactAttempted(track, attemptedAt, outcome == ContactOutcome.REACHED);
        ContactAttempt attempt = attempts.insert(new ContactAttempt(
                UUID.randomUUID().toString(),
                track.trackId(),
                track.caseId(),
                attemptedAt,
                method,
                outcome,
                CurrentUser.get().username(),
                now));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, attempt.attemptId());
        return attempt;
    }

    List<ContactAttempt> of(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        List<ContactAttempt> found = attempts.findByTrackIdOrderByAttemptedAtAsc(track.trackId());
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, null);
        return found;
    }
}
