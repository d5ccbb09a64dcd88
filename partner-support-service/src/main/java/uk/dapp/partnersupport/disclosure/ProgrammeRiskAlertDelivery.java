package uk.dapp.partnersupport.disclosure;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.CaseEventsApi;
import uk.dapp.client.programme.model.RiskAlertEvent;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.CaseEventDelivery;

/**
 * Sends risk alerts to programme-service's receiver. A PUT keyed by the message ID, which the
 * receiver applies once however often it arrives: safe to retry.
 */
@Component
class ProgrammeRiskAlertDelivery extends CaseEventDelivery<RiskAlertEvent> {

    private final CaseEventsApi programme;

    ProgrammeRiskAlertDelivery(ServiceCalls calls) {
        super(calls, Destinations.PROGRAMME, RiskAlertMessage.TYPE);
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.PROGRAMME));
        this.programme = new CaseEventsApi(client);
    }

    @Override
    protected RiskAlertEvent event(Map<String, Object> payload) {
        return eventOf(payload);
    }

    @Override
    protected void put(UUID messageId, RiskAlertEvent event) {
        programme.receiveRiskAlert(messageId, event);
    }

    static RiskAlertEvent eventOf(Map<String, Object> payload) {
        return new RiskAlertEvent()
                .caseId((String) payload.get("caseId"))
                .level(RiskLevel.fromValue((String) payload.get("level")))
                .category(RiskAlertEvent.CategoryEnum.fromValue((String) payload.get("category")))
                .disclosedOn(LocalDate.parse((String) payload.get("disclosedOn")));
    }
}
