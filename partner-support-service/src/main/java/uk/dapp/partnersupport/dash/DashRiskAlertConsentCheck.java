package uk.dapp.partnersupport.dash;

import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.consent.ConsentService;
import uk.dapp.partnersupport.consent.SharingScope;
import uk.dapp.partnersupport.disclosure.RiskAlertSharing;
import uk.dapp.platform.outbox.DeliveryPolicy;
import uk.dapp.platform.outbox.OutboxMessage;

/**
 * Asked by the relay before every attempt to send a DASH risk alert: the same rule as a disclosure's
 * ({@link RiskAlertSharing}), judged when it leaves, so the partner's sharing consent as it stands then
 * decides (a HIGH risk is shared without it, as safeguarding requires).
 */
@Component
class DashRiskAlertConsentCheck implements DeliveryPolicy {

    static final String ASSESSMENT_MISSING = "the DASH assessment behind this alert is not found";

    private final DashAssessmentRepository assessments;
    private final ConsentService consents;

    DashRiskAlertConsentCheck(DashAssessmentRepository assessments, ConsentService consents) {
        this.assessments = assessments;
        this.consents = consents;
    }

    @Override
    public Optional<String> withholdReason(OutboxMessage message) {
        if (!DashRiskAlert.TYPE.isTypeOf(message)) {
            return Optional.empty();
        }
        Optional<DashAssessment> assessment = assessments.findById(message.id());
        if (assessment.isEmpty()) {
            return Optional.of(ASSESSMENT_MISSING); // nothing to judge consent by: never share blind
        }
        return RiskAlertSharing.decide(
                        assessment.get().riskLevel(),
                        consents.sharingPermitted(assessment.get().trackId(), SharingScope.PROGRAMME))
                .withheldBecause();
    }
}
