package uk.dapp.partnersupport.household;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.TrackRecordKind;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;

@Service
class HouseholdService {

    static final String RESOURCE = "household";

    private final HouseholdRepository households;
    private final PartnerTrackService tracks;
    private final AuditWriter audit;
    private final Clock clock;

    HouseholdService(HouseholdRepository households, PartnerTrackService tracks, AuditWriter audit, Clock clock) {
        this.households = households;
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
    }

    Household put(
            UUID trackId,
            int childrenCount,
            List<AgeBand> ageBands,
            SocialCareInvolvement socialCare,
            long expectedVersion) {
        if (ageBands.size() != childrenCount) {
            throw new RuleViolationException(
                    "ageBands",
                    "OnePerChild",
                    "give one age band per child: " + childrenCount + " children, " + ageBands.size() + " bands");
        }
        if (childrenCount == 0
                && socialCare != SocialCareInvolvement.NONE
                && socialCare != SocialCareInvolvement.NOT_KNOWN) {
            throw new RuleViolationException(
                    "socialCare", "NoChildren", "social care involvement needs children in the household");
        }
        PartnerTrack track = tracks.findOpenToRecord(trackId, TrackRecordKind.HOUSEHOLD);
        boolean exists = households.existsById(track.trackId());
        if (!exists && expectedVersion != 0) {
            throw new ConflictException(
                    "No household is recorded yet: send version 0", Map.of("currentVersion", "none"));
        }
        Household saved = households.save(new Household(
                track.trackId(),
                track.caseId(),
                childrenCount,
                ageBands.stream().sorted().toList(),
                socialCare,
                CurrentUser.get().username(),
                clock.instant(),
                exists ? expectedVersion : null));
        audit.record(exists ? AuditAction.UPDATE : AuditAction.CREATE, track.caseId(), RESOURCE, track.trackId());
        return saved;
    }

    Household get(UUID trackId) {
        PartnerTrack track = tracks.find(trackId);
        Household household = households
                .findById(track.trackId())
                .orElseThrow(() -> new NotFoundException("No household is recorded for this track"));
        audit.record(AuditAction.READ, track.caseId(), RESOURCE, track.trackId());
        return household;
    }
}
