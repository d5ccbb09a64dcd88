package uk.dapp.riskmatrix.eligibility;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.riskmatrix.values.Pathway;
import uk.dapp.riskmatrix.values.PathwayEligibility;
import uk.dapp.riskmatrix.values.Sex;

/**
 * Who one programme of the catalogue takes, and which pathways refer into it, as programme-service last
 * told the matrix through its outbox (docs/domain/risk-matrix.md, "Who the programmes take"): one document per programme code, replaced only by a
 * message with a higher {@code sequence}.
 */
@Document(ProgrammeEligibility.COLLECTION)
public record ProgrammeEligibility(
        @Id String programmeCode,
        String programmeName,
        List<Pathway> pathways,
        List<Sex> sexes,
        int minimumAge,
        List<RiskLevel> riskLevels,
        long sequence,
        Instant receivedAt) {

    public static final String COLLECTION = "programme_eligibility";

    public ProgrammeEligibility {
        pathways = pathways == null ? List.of() : List.copyOf(pathways);
        sexes = List.copyOf(sexes);
        riskLevels = List.copyOf(riskLevels);
    }

    PathwayEligibility forPathway() {
        return new PathwayEligibility(
                programmeCode,
                programmeName,
                java.util.Set.copyOf(sexes),
                minimumAge,
                java.util.Set.copyOf(riskLevels));
    }
}
