package uk.dapp.partnersupport.track;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

/** Opens and reads partner tracks; every access is audited. */
@Service
public class PartnerTrackService {

    static final String RESOURCE = "partner-track";

    private final PartnerTrackRepository tracks;
    private final AuditWriter audit;
    private final Clock clock;

    PartnerTrackService(PartnerTrackRepository tracks, AuditWriter audit, Clock clock) {
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    /** A worker is allocated at once: the one named, or the worker opening the track. */
    public PartnerTrack open(CaseId caseId, PartnerRelationship relationship, String partnerName, String allocatedWorker) {
        if (partnerName.isBlank()) {
            throw new RuleViolationException("partnerName", "NotBlank", "the partner's name must not be blank");
        }
        String opener = CurrentUser.get().username();
        String worker = allocatedWorker == null || allocatedWorker.isBlank() ? opener : allocatedWorker.strip();
        PartnerTrack track = tracks.insert(new PartnerTrack(UUID.randomUUID().toString(), caseId.value(),
                relationship, partnerName.strip(), worker, TrackStatus.OPEN, clock.instant(), opener, null));
        audit.record(AuditAction.CREATE, track.caseId(), RESOURCE, track.trackId());
        return track;
    }

    public List<PartnerTrack> ofCase(CaseId caseId) {
        List<PartnerTrack> found = tracks.findByCaseIdOrderByOpenedAtAsc(caseId.value());
        audit.record(AuditAction.READ, caseId.value(), RESOURCE, null);
        return found;
    }

    public PartnerTrack get(UUID trackId) {
        PartnerTrack track = tracks.findById(trackId.toString())
                .orElseThrow(() -> new NotFoundException("No partner track " + trackId));
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, track.trackId());
        return track;
    }
}
