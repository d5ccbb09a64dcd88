package uk.dapp.riskmatrix.caseevents;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import uk.dapp.client.programme.ApiClient;
import uk.dapp.client.programme.api.CaseEventsApi;
import uk.dapp.client.programme.model.EngageReferralEvent;
import uk.dapp.client.programme.model.RiskLevel;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.riskmatrix.routing.EngageReferral;

/**
 * Hands engage referrals to programme-service. The PUT is keyed by the message ID, which the
 * receiver honours as its idempotency key, so the call may be repeated (Safety.IDEMPOTENT).
 */
@Component
class ProgrammeDelivery implements OutboxDelivery {

    private final ServiceCalls calls;
    private final CaseEventsApi programme;

    ProgrammeDelivery(ServiceCalls calls) {
        this.calls = calls;
        // absent optional facts are left out, not sent as null: the event schema does not allow null
        JsonMapper mapper = ApiClient.createDefaultMapper(null).rebuild()
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder(mapper)).build(), mapper,
                ApiClient.createDefaultDateFormat());
        client.setBasePath(calls.baseUrl(Destinations.PROGRAMME));
        this.programme = new CaseEventsApi(client);
    }

    @Override
    public String destination() {
        return Destinations.PROGRAMME;
    }

    @Override
    public boolean handles(String type) {
        return EngageReferral.TYPE.equals(type);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        EngageReferralEvent event = engageReferral(message.payload());
        UUID messageId = UUID.fromString(message.id());
        calls.call(Destinations.PROGRAMME, ServiceCalls.Safety.IDEMPOTENT, () -> {
            programme.receiveEngageReferral(messageId, event);
            return null;
        });
    }

    static EngageReferralEvent engageReferral(Map<String, Object> payload) {
        EngageReferralEvent event = new EngageReferralEvent()
                .caseId((String) payload.get(EngageReferral.CASE_ID))
                .pathway(EngageReferralEvent.PathwayEnum.fromValue((String) payload.get(EngageReferral.PATHWAY)))
                .riskLevel(RiskLevel.fromValue((String) payload.get(EngageReferral.RISK_LEVEL)))
                .decidedAt(OffsetDateTime.parse((String) payload.get(EngageReferral.DECIDED_AT)));
        Object dateOfBirth = payload.get(EngageReferral.DATE_OF_BIRTH);
        if (dateOfBirth != null) {
            event.dateOfBirth(LocalDate.parse((String) dateOfBirth));
        }
        return event;
    }
}
