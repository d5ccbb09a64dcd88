package uk.dapp.riskmatrix.rescoring;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import uk.dapp.riskmatrix.cohort.RankingSource;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;

/**
 * The part of a nominal document rescoring needs: read with a projection, nothing else loaded.
 * Its name, area and routing status are read too, so the nominal's cohort line can be made from
 * what was read and scored without reading the nominal again.
 */
public record ScoringSubject(
        @Id String caseId,
        LocalDate dateOfBirth,
        List<Incident> incidents,
        String givenName,
        String familyName,
        String area,
        RoutingStatus routingStatus,
        Long version) {

    /** The fields of a nominal document this record is read from. */
    static final String[] FIELDS = {
        "_id", "dateOfBirth", "incidents", "givenName", "familyName", "area", "routingStatus", "version"
    };

    List<Incident> incidentsOrEmpty() {
        return incidents == null ? List.of() : incidents;
    }

    /** The nominal as its cohort line sees it once the rescoring has written this score. */
    RankingSource rescoredAs(Score score) {
        return new RankingSource(caseId, givenName, familyName, area, incidents, score, routingStatus, version);
    }
}
