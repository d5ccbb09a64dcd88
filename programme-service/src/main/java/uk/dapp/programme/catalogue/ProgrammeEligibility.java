package uk.dapp.programme.catalogue;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.risk.RiskLevel;

/**
 * Who a programme takes, told to the risk matrix (risk-matrix-service.yaml ProgrammeEligibilityEvent)
 * whenever the programme is created or changed, and at start-up when the pathways that refer into it
 * changed, so that the matrix recommends only what the catalogue's eligibility accepts for the person
 * (docs/domain/risk-matrix.md, "Who the programmes take"). The risk matrix keeps the one with the highest {@code sequence} per programme.
 * <p>
 * It is about no case: every catalogue message travels in one lane, {@value #LANE}, so they reach the
 * risk matrix in the order written.
 *
 * @param pathways the risk-matrix pathways that refer into this programme (none: it is not reachable
 *                 from the matrix)
 * @param sequence the programme document's count of messages written, so only a newer one is taken
 */
public record ProgrammeEligibility(
        String programmeCode,
        String programmeName,
        List<Pathway> pathways,
        List<Sex> sexes,
        int minimumAge,
        List<RiskLevel> riskLevels,
        long sequence)
        implements CaseEvent {

    /** The lane of every catalogue message (the outbox orders messages per case ID; this is no case). */
    public static final String LANE = "catalogue";

    public static final CaseEventType<ProgrammeEligibility> TYPE =
            CaseEventType.of("programme-eligibility.v1", Destinations.RISK_MATRIX, ProgrammeEligibility.class);

    static ProgrammeEligibility of(Programme programme, List<Pathway> pathways, long sequence) {
        return new ProgrammeEligibility(
                programme.code(),
                programme.name(),
                List.copyOf(pathways),
                programme.eligibility().sexes().stream().sorted().toList(),
                programme.eligibility().minimumAge(),
                programme.eligibility().riskLevels().stream().sorted().toList(),
                sequence);
    }

    @Override
    @JsonIgnore
    public String caseId() {
        return LANE;
    }
}
