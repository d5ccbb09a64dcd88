package uk.dapp.partnersupport.track;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.platform.team.TakingTeam;

/**
 * Opens, allocates, closes and reads partner tracks; every access is audited. The workers' lists of
 * tracks waiting on them are {@link PartnerTrackWorklists}.
 */
@Service
public class PartnerTrackService {

    static final String RESOURCE = "partner-track";

    private final PartnerTrackRepository tracks;
    private final ReferralPhones phones;
    private final PartnerNames names;
    private final AuditWriter audit;
    private final Clock clock;
    private final WorkingDays workingDays;
    private final SupportConsents supportConsents;
    private final int firstContactWorkingDays;

    PartnerTrackService(
            PartnerTrackRepository tracks,
            ReferralPhones phones,
            PartnerNames names,
            AuditWriter audit,
            Clock clock,
            PartnerSupportProperties properties,
            WorkingDays workingDays,
            SupportConsents supportConsents) {
        this.tracks = tracks;
        this.supportConsents = supportConsents;
        this.phones = phones;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
        this.firstContactWorkingDays = firstContactWorkingDays(properties);
    }

    static int firstContactWorkingDays(PartnerSupportProperties properties) {
        if (properties.firstContactWorkingDays() < 1) {
            throw new IllegalStateException("dapp.partner-support.first-contact-working-days must be at least 1");
        }
        return properties.firstContactWorkingDays();
    }

    /**
     * A worker is allocated at once: the one named, or the worker opening the track. The track is held
     * by the team named (one of the opener's) or the opener's only team (ADR 0012). A case whose tracks
     * are held by other teams only is not the caller's: 404, as for any case outside their teams.
     */
    public PartnerTrack open(
            CaseId caseId, PartnerRelationship relationship, String partnerName, String allocatedWorker, String team) {
        if (partnerName.isBlank()) {
            throw new RuleViolationException("partnerName", "NotBlank", "the partner's name must not be blank");
        }
        // a case whose tracks are all another team's is outside, like any outside case (404, audited; ADR 0012)
        List<String> holding = tracks.findByCaseIdOrderByOpenedAtAsc(caseId.value()).stream()
                .map(PartnerTrack::team)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (!holding.isEmpty()) {
            scope().requireAny(holding, audit, caseId.value(), RESOURCE, null, "No case " + caseId.value() + " here");
        }
        String holdingTeam = TakingTeam.choose(CurrentUser.get(), team, "team");
        String opener = CurrentUser.get().username();
        String worker = allocatedWorker == null || allocatedWorker.isBlank() ? opener : allocatedWorker.strip();
        Instant now = clock.instant();
        LocalDate due = workingDays.after(Times.dateOf(now), firstContactWorkingDays);
        String trackId = UUID.randomUUID().toString();
        PartnerTrack track = tracks.insert(PartnerTrack.opened(
                trackId,
                caseId.value(),
                relationship,
                names.seal(trackId, partnerName),
                worker,
                now,
                opener,
                due,
                null,
                new StatusChange(null, TrackStatus.OPEN.name(), "open", opener, now, null),
                holdingTeam));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, track.trackId());
        return track;
    }

    /** The case's tracks held by the caller's teams; those of other teams are left out, and that refusal audited. */
    public List<PartnerTrack> ofCase(CaseId caseId) {
        List<PartnerTrack> all = tracks.findByCaseIdOrderByOpenedAtAsc(caseId.value());
        CaseScope scope = scope();
        List<PartnerTrack> found =
                all.stream().filter(track -> scope.covers(track.team())).toList();
        if (found.size() < all.size()) {
            audit.record(AuditAction.READ, caseId.value(), RESOURCE, null, CaseScope.REFUSED);
        }
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, null);
        return found;
    }

    /** The caller's teams (everything for the unscoped roles): partner support workers see their teams' tracks. */
    public static CaseScope scope() {
        return CaseScope.teamsOf(CurrentUser.get());
    }

    public PartnerTrack get(UUID trackId) {
        PartnerTrack track = find(trackId);
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, track.trackId());
        return track;
    }

    public PartnerTrack allocate(UUID trackId, String worker, long expectedVersion) {
        if (worker.isBlank()) {
            throw new RuleViolationException("allocatedWorker", "NotBlank", "the allocated worker must not be blank");
        }
        PartnerTrack track = findOpen(trackId);
        PartnerTrack saved = tracks.save(track.allocatedTo(worker.strip(), expectedVersion));
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.trackId(), "allocation");
        return saved;
    }

    /** Closes through the status machine: a closed track answers 409 naming its status and that no move is allowed. */
    public PartnerTrack close(UUID trackId, CloseReason reason, String note, long expectedVersion) {
        PartnerTrack track = find(trackId);
        TrackStatus next =
                TrackLifecycle.MACHINE.next(track.status(), TrackLifecycle.CLOSE, StatusMachine.Actor.PERSON);
        String why = reason.name() + (note == null || note.isBlank() ? "" : ": " + note.strip());
        StatusChange change = new StatusChange(
                track.status().name(),
                next.name(),
                TrackLifecycle.CLOSE,
                CurrentUser.get().username(),
                clock.instant(),
                why);
        PartnerTrack saved = tracks.save(track.moved(next, reason, change, expectedVersion));
        audit.record(AuditAction.UPDATE, saved.caseId(), RESOURCE, saved.trackId(), "close");
        return saved;
    }

    /** The open tracks of the caller's teams, unaudited: for "my work", which audits what it serves. */
    public List<PartnerTrack> openOfCallersTeams() {
        CaseScope scope = scope();
        return tracks.findByStatus(TrackStatus.OPEN).stream()
                .filter(track -> scope.covers(track.team()))
                .toList();
    }

    /** The partner's name, in the clear, for a partner support worker reading the track (or her own export). */
    public String partnerName(PartnerTrack track) {
        return names.open(track);
    }

    /** The number given at referral, in the clear, for a partner support worker reading the track; or null. */
    public String referralPhone(PartnerTrack track) {
        return phones.open(track);
    }

    /** The allowed moves from the track's status, for the API. */
    public List<String> allowedMoves(PartnerTrack track) {
        return List.copyOf(TrackLifecycle.MACHINE.allowedMoves(track.status(), StatusMachine.Actor.PERSON));
    }

    // ---- for the other features of this service (they audit their own resource) ----

    /**
     * The track, unaudited: callers audit the resource they return. A track of a team the caller is not
     * in is not found, and the refusal is audited (ADR 0012).
     */
    public PartnerTrack find(UUID trackId) {
        PartnerTrack track = tracks.findById(trackId.toString())
                .orElseThrow(() -> new NotFoundException("No partner track " + trackId));
        scope().require(track.team(), audit, track.caseId(), RESOURCE, track.trackId(), "No partner track " + trackId);
        return track;
    }

    /** The track, which must be open to take new records. */
    public PartnerTrack findOpen(UUID trackId) {
        PartnerTrack track = find(trackId);
        if (track.status() != TrackStatus.OPEN) {
            throw new ConflictException(
                    "The partner track is " + track.status() + ": it keeps its history and takes no new records",
                    Map.of("currentStatus", track.status().name(), "allowedMoves", allowedMoves(track)));
        }
        return track;
    }

    /**
     * The track, which must be open and, for what needs it, have her consent to support in force now
     * (409 {@link ConsentToSupportRules#RULE} otherwise).
     */
    public PartnerTrack findOpenToRecord(UUID trackId, TrackRecordKind kind) {
        PartnerTrack track = findOpen(trackId);
        ConsentToSupportRules.require(kind, consentToSupportInForce(track));
        return track;
    }

    public boolean consentToSupportInForce(PartnerTrack track) {
        return supportConsents.inForce(track.trackId());
    }

    public List<PartnerTrack> tracksOfCase(CaseId caseId) {
        return tracks.findByCaseIdOrderByOpenedAtAsc(caseId.value());
    }

    public List<PartnerTrack> openTracks(Collection<String> trackIds) {
        List<PartnerTrack> open = new ArrayList<>();
        tracks.findAllById(trackIds).forEach(track -> {
            if (track.status() == TrackStatus.OPEN) {
                open.add(track);
            }
        });
        return open;
    }
}
