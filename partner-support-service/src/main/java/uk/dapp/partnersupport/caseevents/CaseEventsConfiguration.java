package uk.dapp.partnersupport.caseevents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.CaseEventsApi;
import uk.dapp.client.programme.model.DashRiskAlertEvent;
import uk.dapp.client.programme.model.RiskAlertEvent;
import uk.dapp.client.programme.model.TrackHeldEvent;
import uk.dapp.partnersupport.dash.DashAssessment;
import uk.dapp.partnersupport.dash.DashRiskAlert;
import uk.dapp.partnersupport.disclosure.Disclosure;
import uk.dapp.partnersupport.disclosure.RiskAlert;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.TrackHeld;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.CaseEventFlows;
import uk.dapp.platform.outbox.Destinations;

/**
 * What partner support sends (README, "Cross-service flows"): disclosures and DASH assessments at HIGH
 * carry their risk alerts and partner tracks the news of their opening and closing, all to
 * programme-service. Whether a risk alert may leave is asked at every attempt
 * (disclosure.RiskAlertConsentCheck, dash.DashRiskAlertConsentCheck).
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsConfiguration {

    @Bean
    CaseEventFlows caseEventFlows(ServiceCalls calls) {
        CaseEventFlows flows = CaseEventFlows.sending(calls)
                .from(Disclosure.COLLECTION)
                .from(PartnerTrack.COLLECTION)
                .from(DashAssessment.COLLECTION);
        CaseEventsApi programme =
                new CaseEventsApi(flows.client(Destinations.PROGRAMME, ApiClient::new, ApiClient::setBasePath));
        return flows.flow(RiskAlert.TYPE, RiskAlertEvent.class, programme::receiveRiskAlert)
                .flow(TrackHeld.TYPE, TrackHeldEvent.class, programme::receiveTrackHolding)
                .flow(DashRiskAlert.TYPE, DashRiskAlertEvent.class, programme::receiveDashRiskAlert);
    }
}
