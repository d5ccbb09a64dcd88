package uk.dapp.partnersupport.track;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.partnersupport.common.RiskLevel;
import uk.dapp.platform.status.StatusChange;

/**
 * The support track of one current or ex-partner of a case. Held only in this service. The status
 * history is append-only; a closed track keeps it and everything recorded against the track.
 * A track opened from a programme referral starts with no worker ({@code allocatedWorker} null) and
 * knows the referral it came from; programme exits of the case are appended to {@code programmeExits}
 * by a conditional update that also raises the version, so a save from an older read cannot drop one.
 */
@Document(PartnerTrack.COLLECTION)
public record PartnerTrack(
        @Id String trackId,
        @Indexed String caseId,
        PartnerRelationship relationship,
        String partnerName,
        String allocatedWorker,
        TrackStatus status,
        Instant openedAt,
        String openedBy,
        LocalDate firstContactDueOn,
        Instant firstContactAttemptAt,
        Instant lastContactAttemptAt,
        boolean contactMade,
        RiskLevel currentRiskLevel,
        CloseReason closeReason,
        ReferralOrigin referral,
        List<ProgrammeExitNotice> programmeExits,
        List<StatusChange> history,
        @Version Long version) {

    public static final String COLLECTION = "partner_tracks";
    static final String EXITS = "programmeExits";

    public PartnerTrack {
        programmeExits = programmeExits == null ? List.of() : List.copyOf(programmeExits);
        history = history == null ? List.of() : List.copyOf(history);
    }

    @Override
    public String toString() {
        // never the partner's name: records may end up in logs
        return "PartnerTrack[" + trackId + ", case " + caseId + ", " + status + "]";
    }

    public boolean allocated() {
        return allocatedWorker != null;
    }

    PartnerTrack allocatedTo(String worker, Long expectedVersion) {
        return new PartnerTrack(trackId, caseId, relationship, partnerName, worker, status, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, lastContactAttemptAt, contactMade, currentRiskLevel,
                closeReason, referral, programmeExits, history, expectedVersion);
    }

    PartnerTrack moved(TrackStatus to, CloseReason reason, StatusChange change, Long expectedVersion) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, to, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, lastContactAttemptAt, contactMade, currentRiskLevel, reason,
                referral, programmeExits, next, expectedVersion);
    }

    PartnerTrack contactAttempted(Instant at, boolean reached) {
        Instant first = firstContactAttemptAt == null || at.isBefore(firstContactAttemptAt) ? at : firstContactAttemptAt;
        Instant last = lastContactAttemptAt == null || at.isAfter(lastContactAttemptAt) ? at : lastContactAttemptAt;
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, status, openedAt, openedBy,
                firstContactDueOn, first, last, contactMade || reached, currentRiskLevel, closeReason, referral,
                programmeExits, history, version);
    }

    PartnerTrack assessed(RiskLevel level) {
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, status, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, lastContactAttemptAt, contactMade, level, closeReason,
                referral, programmeExits, history, version);
    }
}
