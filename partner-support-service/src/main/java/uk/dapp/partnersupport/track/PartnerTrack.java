package uk.dapp.partnersupport.track;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The support track of one current or ex-partner of a case. Held only in this service. */
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
        @Version Long version) {
}
