package uk.dapp.gateway.outcomes;

import java.util.Random;
import uk.dapp.client.partnersupport.model.PartnerSupportContribution;
import uk.dapp.client.programme.model.ProgrammeContribution;
import uk.dapp.client.riskmatrix.model.RiskMatrixContribution;
import uk.dapp.platform.caseid.CaseId;

/** Synthetic contribution rows for the extract's tests. */
final class ContributionRows {

    private ContributionRows() {}

    static String caseId(Random random) {
        return CaseId.generate(random).value();
    }

    static RiskMatrixContribution risk(String caseId, String ageBand, String area, String decisionMonth) {
        return new RiskMatrixContribution()
                .caseId(caseId)
                .ageBand(ageBand)
                .area(area)
                .decisionMonth(decisionMonth)
                .routingDecision(RiskMatrixContribution.RoutingDecisionEnum.ENGAGE)
                .harmBefore(400L)
                .harmAfter(120L)
                .repeatIncidentsAfter(1)
                .followUpMonths(6);
    }

    static ProgrammeContribution programme(String caseId, String sex, String referralMonth) {
        return new ProgrammeContribution()
                .caseId(caseId)
                .sex(ProgrammeContribution.SexEnum.fromValue(sex))
                .referralMonth(referralMonth)
                .programmeCode("CHANGE-GROUP")
                .programmeType(ProgrammeContribution.ProgrammeTypeEnum.GROUP)
                .referralSource("RISK_MATRIX")
                .mandated(false)
                .suitabilityOutcome(ProgrammeContribution.SuitabilityOutcomeEnum.SUITABLE)
                .sessionsAttended(20)
                .sessionsRequired(22)
                .exitReason("COMPLETED")
                .referrals(1);
    }

    static PartnerSupportContribution partner(String caseId) {
        return new PartnerSupportContribution()
                .caseId(caseId)
                .partnerTracks(1)
                .outcomesComparedTo(PartnerSupportContribution.OutcomesComparedToEnum.EXIT)
                .cessationOfAbuseChange(2)
                .feelingSafeChange(1)
                .dashLevelAtIntake(PartnerSupportContribution.DashLevelAtIntakeEnum.HIGH)
                .dashLevelAtExit(PartnerSupportContribution.DashLevelAtExitEnum.MEDIUM);
    }

    /** A case in all three services. */
    static JoinedCase joined(String caseId, String ageBand, String sex, String area, String month) {
        return new JoinedCase(
                caseId, risk(caseId, ageBand, area, month), programme(caseId, sex, month), partner(caseId));
    }
}
