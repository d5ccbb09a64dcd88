package uk.dapp.riskmatrix.cohort;

import java.util.List;
import org.springframework.data.annotation.Id;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;

/**
 * The part of a nominal document its cohort line is made from, read with a projection (the score
 * without its explanation; the incidents only when the harm trend needs them).
 */
public record RankingSource(
        @Id String caseId,
        String givenName,
        String familyName,
        String area,
        List<Incident> incidents,
        Score score,
        RoutingStatus routingStatus,
        Long version) {

    public List<Incident> incidentsOrEmpty() {
        return incidents == null ? List.of() : incidents;
    }
}
