package uk.dapp.partnersupport.track;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.team.CaseScope;

/**
 * The partner support workers' lists of the open tracks waiting on them, of their teams only: first
 * contacts overdue, and tracks no worker is allocated to. Each list is audited once per case listed.
 */
@Service
class PartnerTrackWorklists {

    private final PartnerTrackRepository tracks;
    private final AuditWriter audit;
    private final Clock clock;
    private final WorkingDays workingDays;

    PartnerTrackWorklists(PartnerTrackRepository tracks, AuditWriter audit, Clock clock, WorkingDays workingDays) {
        this.tracks = tracks;
        this.audit = audit;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    /**
     * Open tracks of the caller's teams with no attempt logged whose due date has passed, earliest due
     * first; audited once per case listed.
     */
    List<OverdueFirstContact> overdueFirstContacts() {
        LocalDate today = Times.today(clock);
        List<OverdueFirstContact> overdue = new ArrayList<>();
        CaseScope scope = PartnerTrackService.scope();
        for (PartnerTrack track : tracks.findByStatusAndFirstContactDueOnBefore(TrackStatus.OPEN, today)) {
            if (track.firstContactAttemptAt() == null && scope.covers(track.team())) {
                overdue.add(new OverdueFirstContact(
                        track.trackId(),
                        track.caseId(),
                        track.allocatedWorker(),
                        track.firstContactDueOn(),
                        workingDays.between(track.firstContactDueOn(), today)));
            }
        }
        overdue.sort(Comparator.comparing(OverdueFirstContact::firstContactDueOn));
        audit.recordList(
                AuditAction.SEARCH,
                PartnerTrackService.RESOURCE,
                overdue.stream().map(OverdueFirstContact::caseId).toList(),
                "overdue first contacts");
        return overdue;
    }

    /**
     * Open tracks of the caller's teams no worker has been allocated yet (opened from a referral),
     * earliest first contact due first; audited once per case listed.
     */
    List<PartnerTrack> unallocated() {
        CaseScope scope = PartnerTrackService.scope();
        List<PartnerTrack> found =
                new ArrayList<>(tracks.findByStatusAndAllocatedWorkerIsNull(TrackStatus.OPEN).stream()
                        .filter(track -> scope.covers(track.team()))
                        .toList());
        found.sort(Comparator.comparing(PartnerTrack::firstContactDueOn).thenComparing(PartnerTrack::openedAt));
        audit.recordList(
                AuditAction.SEARCH,
                PartnerTrackService.RESOURCE,
                found.stream().map(PartnerTrack::caseId).toList(),
                "unallocated tracks");
        return found;
    }
}
