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
 */
@Document("partner_tracks")
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
        boolean contactMade,
        RiskLevel currentRiskLevel,
        CloseReason closeReason,
        List<StatusChange> history,
        @Version Long version) {

    public PartnerTrack {
        history = history == null ? List.of() : List.copyOf(history);
    }

    @Override
    public String toString() {
        // never the partner's name: records may end up in logs
        return "PartnerTrack[" + trackId + ", case " + caseId + ", " + status + "]";
    }

    PartnerTrack allocatedTo(String worker, Long expectedVersion) {
        return new PartnerTrack(trackId, caseId, relationship, partnerName, worker, status, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, contactMade, currentRiskLevel, closeReason, history,
                expectedVersion);
    }

    PartnerTrack moved(TrackStatus to, CloseReason reason, StatusChange change, Long expectedVersion) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, to, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, contactMade, currentRiskLevel, reason, next,
                expectedVersion);
    }

    PartnerTrack contactAttempted(Instant at, boolean reached) {
        Instant first = firstContactAttemptAt == null || at.isBefore(firstContactAttemptAt) ? at : firstContactAttemptAt;
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, status, openedAt, openedBy,
                firstContactDueOn, first, contactMade || reached, currentRiskLevel, closeReason, history, version);
    }

    PartnerTrack assessed(RiskLevel level) {
        return new PartnerTrack(trackId, caseId, relationship, partnerName, allocatedWorker, status, openedAt, openedBy,
                firstContactDueOn, firstContactAttemptAt, contactMade, level, closeReason, history, version);
    }
}
