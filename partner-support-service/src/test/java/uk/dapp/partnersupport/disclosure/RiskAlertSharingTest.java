package uk.dapp.partnersupport.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.dapp.platform.risk.RiskLevel;

/** When a risk alert may go to the programme, and on what basis. */
class RiskAlertSharingTest {

    @Test
    void consentCoveringTheProgrammeSharesEveryLevelOnThatBasis() {
        for (RiskLevel level : RiskLevel.values()) {
            RiskAlertSharing.Decision decision = RiskAlertSharing.decide(level, true);
            assertThat(decision.basis()).as(level.name()).contains(AlertBasis.CONSENT);
            assertThat(decision.withheldBecause()).as(level.name()).isEmpty();
        }
    }

    @Test
    void withoutConsentAHighRiskIsStillSharedToSafeguardThePartner() {
        RiskAlertSharing.Decision decision = RiskAlertSharing.decide(RiskLevel.HIGH, false);
        assertThat(decision.basis()).contains(AlertBasis.HIGH_RISK_SAFEGUARDING);
        assertThat(decision.withheldBecause()).isEmpty();
    }

    @Test
    void withoutConsentAnythingBelowHighIsWithheldWithTheReason() {
        for (RiskLevel level : new RiskLevel[] {RiskLevel.STANDARD, RiskLevel.MEDIUM}) {
            RiskAlertSharing.Decision decision = RiskAlertSharing.decide(level, false);
            assertThat(decision.basis()).as(level.name()).isEmpty();
            assertThat(decision.withheldBecause()).as(level.name()).contains(RiskAlertSharing.WITHHELD_WITHOUT_CONSENT);
        }
    }
}
