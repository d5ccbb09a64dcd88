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
import uk.dapp.client.programme.model.Sex;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.CaseEventDelivery;
import uk.dapp.riskmatrix.routing.EngageReferral;

/**
 * Hands engage referrals to programme-service. The PUT is keyed by the message ID, which the
 * receiver honours as its idempotency key, so the call may be repeated (Safety.IDEMPOTENT).
 */
@Component
class ProgrammeDelivery extends CaseEventDelivery<EngageReferralEvent> {

    private final CaseEventsApi programme;

    ProgrammeDelivery(ServiceCalls calls) {
        super(calls, Destinations.PROGRAMME, EngageReferral.TYPE);
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
    protected EngageReferralEvent event(Map<String, Object> payload) {
        return engageReferral(payload);
    }

    @Override
    protected void put(UUID messageId, EngageReferralEvent event) {
        programme.receiveEngageReferral(messageId, event);
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
        if (payload.get(EngageReferral.SEX) instanceof String sex) {
            event.sex(Sex.fromValue(sex));
        }
        event.team((String) payload.get(EngageReferral.TEAM))
                .givenName((String) payload.get(EngageReferral.GIVEN_NAME))
                .familyName((String) payload.get(EngageReferral.FAMILY_NAME))
                .probationReference((String) payload.get(EngageReferral.PROBATION_REFERENCE));
        return event;
    }
}
