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
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;

/**
 * Sends risk alerts to programme-service's receiver. A PUT keyed by the message ID, which the
 * receiver applies once however often it arrives: safe to retry.
 */
@Component
class ProgrammeRiskAlertDelivery implements OutboxDelivery {

    private final ServiceCalls calls;
    private final CaseEventsApi programme;

    ProgrammeRiskAlertDelivery(ServiceCalls calls) {
        this.calls = calls;
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.PROGRAMME));
        this.programme = new CaseEventsApi(client);
    }

    @Override
    public String destination() {
        return Destinations.PROGRAMME;
    }

    @Override
    public boolean handles(String type) {
        return RiskAlertMessage.TYPE.equals(type);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        RiskAlertEvent event = eventOf(message.payload());
        UUID messageId = UUID.fromString(message.id());
        calls.call(Destinations.PROGRAMME, ServiceCalls.Safety.IDEMPOTENT, () -> {
            programme.receiveRiskAlert(messageId, event);
            return null;
        });
    }

    static RiskAlertEvent eventOf(Map<String, Object> payload) {
        return new RiskAlertEvent()
                .caseId((String) payload.get("caseId"))
                .level(RiskLevel.fromValue((String) payload.get("level")))
                .category(RiskAlertEvent.CategoryEnum.fromValue((String) payload.get("category")))
                .disclosedOn(LocalDate.parse((String) payload.get("disclosedOn")));
    }
}
