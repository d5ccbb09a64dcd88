package uk.dapp.partnersupport.outcome;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** The measures at one point of one track; one per point (a second answers 409). */
@Document("partner_outcomes")
@CompoundIndex(name = "track_point", def = "{'trackId': 1, 'point': 1}", unique = true)
public record OutcomeRecord(
        @Id String outcomeId,
        String trackId,
        @Indexed String caseId,
        OutcomePoint point,
        LocalDate recordedOn,
        OutcomeMeasures measures,
        String recordedBy,
        Instant recordedAt) {}
