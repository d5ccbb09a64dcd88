package uk.dapp.partnersupport.track;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.outbox.MessageReceipts;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.StatusChange;

/**
 * The support track of one current or ex-partner of a case. Held only in this service; the partner's
 * name is stored encrypted ({@link PartnerNames}), so {@code partnerName} here is its stored form. The status
 * history is append-only; a closed track keeps it and everything recorded against the track.
 * A track opened from a programme referral starts with no worker ({@code allocatedWorker} null) and
 * knows the referral it came from; programme exits of the case are appended to {@code programmeExits}
 * by a conditional update that also raises the version, so a save from an older read cannot drop one.
 * Opening and closing owe programme-service the news (an {@link OutboxEntry} in {@code outbox}, written
 * with the change, {@code outboxSequence} counting every entry written), so it knows which cases
 * partner support supports (ADR 0009). {@code receivedMessages} are the programme's messages that
 * changed the track ({@link MessageReceipts}).
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
        List<OutboxEntry> outbox,
        long outboxSequence,
        List<String> receivedMessages,
        @Indexed String team,
        @Version Long version) {

    public static final String COLLECTION = "partner_tracks";
    static final String EXITS = "programmeExits";

    public PartnerTrack {
        programmeExits = programmeExits == null ? List.of() : List.copyOf(programmeExits);
        history = history == null ? List.of() : List.copyOf(history);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        receivedMessages = receivedMessages == null ? List.of() : List.copyOf(receivedMessages);
    }

    /**
     * The opaque reference by which other services know a track: derived one way from the track ID, so
     * it names no partner and opens no door to partner data here (the track ID is the handle to it).
     */
    public static String referenceOf(String trackId) {
        return UUID.nameUUIDFromBytes(("track-holding/" + trackId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * A new open track, owing programme-service, in its own insert, the news that the case is supported.
     */
    static PartnerTrack opened(
            String trackId,
            String caseId,
            PartnerRelationship relationship,
            String partnerName,
            String allocatedWorker,
            Instant openedAt,
            String openedBy,
            LocalDate firstContactDueOn,
            ReferralOrigin referral,
            StatusChange opening,
            String team) {
        List<StatusChange> history = List.of(opening);
        return new PartnerTrack(
                trackId,
                caseId,
                relationship,
                partnerName,
                allocatedWorker,
                TrackStatus.OPEN,
                openedAt,
                openedBy,
                firstContactDueOn,
                null,
                null,
                false,
                null,
                null,
                referral,
                List.of(),
                history,
                List.of(holding(trackId, caseId, TrackStatus.OPEN, history.size(), openedAt, 0)),
                1,
                List.of(),
                team,
                null);
    }

    /** Whether the track holds its case now: a message to programme-service, sequenced by its status changes. */
    private static OutboxEntry holding(
            String trackId, String caseId, TrackStatus status, int changes, Instant at, long sequence) {
        return TrackHeld.TYPE.entry(
                new TrackHeld(caseId, referenceOf(trackId), status == TrackStatus.OPEN, changes), at, sequence);
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
        return new PartnerTrack(
                trackId,
                caseId,
                relationship,
                partnerName,
                worker,
                status,
                openedAt,
                openedBy,
                firstContactDueOn,
                firstContactAttemptAt,
                lastContactAttemptAt,
                contactMade,
                currentRiskLevel,
                closeReason,
                referral,
                programmeExits,
                history,
                outbox,
                outboxSequence,
                receivedMessages,
                team,
                expectedVersion);
    }

    PartnerTrack moved(TrackStatus to, CloseReason reason, StatusChange change, Long expectedVersion) {
        List<StatusChange> next = new ArrayList<>(history);
        next.add(change);
        List<OutboxEntry> owed = new ArrayList<>(outbox);
        long sequence = outboxSequence;
        if (to != status) {
            // the change and the news of it to programme-service are one save
            owed.add(holding(trackId, caseId, to, next.size(), change.at(), sequence++));
        }
        return new PartnerTrack(
                trackId,
                caseId,
                relationship,
                partnerName,
                allocatedWorker,
                to,
                openedAt,
                openedBy,
                firstContactDueOn,
                firstContactAttemptAt,
                lastContactAttemptAt,
                contactMade,
                currentRiskLevel,
                reason,
                referral,
                programmeExits,
                next,
                owed,
                sequence,
                receivedMessages,
                team,
                expectedVersion);
    }
}
