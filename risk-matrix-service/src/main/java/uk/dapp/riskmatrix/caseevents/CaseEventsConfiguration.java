package uk.dapp.riskmatrix.caseevents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.CaseEventsApi;
import uk.dapp.client.programme.model.EngageReferralEvent;
import uk.dapp.client.programme.model.PoliceIncidentEvent;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.CaseEventFlows;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.nominal.PoliceIncidentAlert;
import uk.dapp.riskmatrix.routing.EngageReferral;
import uk.dapp.riskmatrix.routing.Routing;

/**
 * What the risk matrix sends (README, "Cross-service flows"): routing decisions carry their messages
 * in the routing document; an ENGAGE decision's programme referrals go to programme-service. A nominal
 * carries the police incidents recorded against him once routed, to the programme's risk alerts.
 */
@Configuration(proxyBeanMethods = false)
class CaseEventsConfiguration {

    @Bean
    CaseEventFlows caseEventFlows(ServiceCalls calls) {
        CaseEventFlows flows =
                CaseEventFlows.sending(calls).from(Routing.COLLECTION).from(Nominal.COLLECTION);
        CaseEventsApi programme =
                new CaseEventsApi(flows.client(Destinations.PROGRAMME, ApiClient::new, ApiClient::setBasePath));
        return flows.flow(EngageReferral.TYPE, EngageReferralEvent.class, programme::receiveEngageReferral)
                .flow(PoliceIncidentAlert.TYPE, PoliceIncidentEvent.class, programme::receivePoliceIncident);
    }
}
