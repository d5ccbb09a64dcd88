package uk.dapp.gateway.outcomes;

import java.util.Objects;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;

/**
 * One case as the three services' evaluator contributions describe it, joined on the raw case ID
 * inside the gateway. Never leaves the gateway: the extract replaces the case ID with a pseudonym
 * and the KPIs count it.
 *
 * @param caseId the canonical case ID, the join key
 * @param riskMatrix the risk matrix's row, or null when it holds nothing on the case
 * @param programme the programme service's row, or null
 * @param partnerSupport the partner support service's row, or null
 */
public record JoinedCase(
        String caseId,
        RiskMatrixContribution riskMatrix,
        ProgrammeContribution programme,
        PartnerSupportContribution partnerSupport) {

    public JoinedCase {
        Objects.requireNonNull(caseId, "caseId");
        if (riskMatrix == null && programme == null && partnerSupport == null) {
            throw new IllegalArgumentException("a joined case has a row from at least one service");
        }
    }
}
