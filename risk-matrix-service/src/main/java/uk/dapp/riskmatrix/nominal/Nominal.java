package uk.dapp.riskmatrix.nominal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;
import uk.dapp.riskmatrix.values.Sex;

/**
 * A known perpetrator on the risk matrix. The case ID is the key: one nominal, one case. The
 * incident history, the current score and its history live in this one document, so adding an
 * incident and rescoring is a single atomic write (no multi-document transactions), and bulk
 * rescoring is one pass over one collection. The routing status is a copy of the routing
 * record's, kept here for the cohort filter. Reads that need no incidents leave them out. Its
 * {@code outbox} (not mapped here: only the incident write adds to it, by an update) holds the police
 * incidents owed to the programme ({@link PoliceIncidentAlert}).
 */
@Document(Nominal.COLLECTION)
// Redundant in meaning (the _id is unique already) but it lets the embedded store, which matches a
// query to a unique index only when the keys are exactly the index's, find a version-conditional
// update's document without scanning the collection; harmless on real MongoDB.
@CompoundIndex(name = "id_version", def = "{'_id': 1, 'version': 1}", unique = true)
public record Nominal(
        @Id String caseId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        @Indexed(unique = true) String policeId,
        String probationId,
        @Indexed String area,
        Sex sex,
        Instant createdAt,
        String createdBy,
        List<Incident> incidents,
        Score score,
        List<ScoreHistoryEntry> scoreHistory,
        RoutingStatus routingStatus,
        @Version Long version) {

    public static final String COLLECTION = "nominals";

    public List<Incident> incidentsOrEmpty() {
        return incidents == null ? List.of() : incidents;
    }

    public List<ScoreHistoryEntry> scoreHistoryOrEmpty() {
        return scoreHistory == null ? List.of() : scoreHistory;
    }

    public RoutingStatus routingStatusOrDefault() {
        return routingStatus == null ? RoutingStatus.AWAITING_DECISION : routingStatus;
    }
}
