package uk.dapp.programme.caseevents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.client.partnersupport.model.PartnerReferralEvent;
import uk.dapp.client.partnersupport.model.ReferralHeldEvent;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.CaseEventFlows;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.catalogue.ProgrammeEligibility;
import uk.dapp.programme.referral.PartnerReferral;
import uk.dapp.programme.referral.ProgrammeExit;
import uk.dapp.programme.referral.ReferralHeld;
import uk.dapp.programme.referral.ReturnForDisruption;

/**
 * What the programme sends (README, "Cross-service flows"): referrals carry their messages in the
 * referral document; partners, exits and holdings go to partner support, exits for non-compliance to
 * the risk matrix, as are assessments not suitable whose onward route is back to the matrix for
 * disruption. Programmes of the catalogue carry theirs in the programme document: who each takes,
 * to the risk matrix.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsConfiguration {

    static final String REFERRALS = "referrals";

    @Bean
    CaseEventFlows caseEventFlows(ServiceCalls calls) {
        // referrals and alerts also raise notifications; the platform's inbox delivers those (ADR 0016)
        CaseEventFlows flows = CaseEventFlows.sending(calls)
                .from(REFERRALS)
                .from(Programme.COLLECTION)
                .from(uk.dapp.programme.alert.Alert.COLLECTION);
        var partnerSupport = new uk.dapp.client.partnersupport.api.CaseEventsApi(flows.client(
                Destinations.PARTNER_SUPPORT,
                uk.dapp.client.partnersupport.ApiClient::new,
                uk.dapp.client.partnersupport.ApiClient::setBasePath));
        var riskMatrix = new uk.dapp.client.riskmatrix.api.CaseEventsApi(flows.client(
                Destinations.RISK_MATRIX,
                uk.dapp.client.riskmatrix.ApiClient::new,
                uk.dapp.client.riskmatrix.ApiClient::setBasePath));
        return flows.flow(PartnerReferral.TYPE, PartnerReferralEvent.class, partnerSupport::receivePartnerReferral)
                .flow(
                        ProgrammeExit.TO_PARTNER_SUPPORT,
                        uk.dapp.client.partnersupport.model.ProgrammeExitEvent.class,
                        partnerSupport::receiveProgrammeExit)
                .flow(ReferralHeld.TYPE, ReferralHeldEvent.class, partnerSupport::receiveReferralHolding)
                .flow(
                        ProgrammeExit.TO_RISK_MATRIX,
                        uk.dapp.client.riskmatrix.model.ProgrammeExitEvent.class,
                        riskMatrix::receiveProgrammeExit)
                .flow(
                        ReturnForDisruption.TYPE,
                        uk.dapp.client.riskmatrix.model.ReturnForDisruptionEvent.class,
                        riskMatrix::receiveReturnForDisruption)
                .flow(
                        ProgrammeEligibility.TYPE,
                        uk.dapp.client.riskmatrix.model.ProgrammeEligibilityEvent.class,
                        riskMatrix::receiveProgrammeEligibility);
    }
}
