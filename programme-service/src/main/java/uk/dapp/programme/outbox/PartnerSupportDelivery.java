package uk.dapp.programme.outbox;

import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import uk.dapp.client.partnersupport.ApiClient;
import uk.dapp.client.partnersupport.api.CaseEventsApi;
import uk.dapp.client.partnersupport.model.PartnerReferralEvent;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.ProgrammeExitEvent;
import uk.dapp.client.partnersupport.model.ReferredPartner;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.platform.outbox.OutboxDelivery;
import uk.dapp.platform.outbox.OutboxMessage;
import uk.dapp.programme.referral.ReferralEvents;

/**
 * Partner referrals and programme exits to partner support, through its generated client. Each is a
 * PUT keyed by the message ID that partner support applies once, so it is safe to repeat.
 */
@Component
class PartnerSupportDelivery implements OutboxDelivery {

    private static final Set<String> TYPES = Set.of(ReferralEvents.PARTNER_REFERRAL, ReferralEvents.PROGRAMME_EXIT);

    private final ServiceCalls calls;
    private final CaseEventsApi api;

    PartnerSupportDelivery(ServiceCalls calls) {
        this.calls = calls;
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.PARTNER_SUPPORT));
        this.api = new CaseEventsApi(client);
    }

    @Override
    public String destination() {
        return Destinations.PARTNER_SUPPORT;
    }

    @Override
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        UUID messageId = UUID.fromString(message.id());
        if (ReferralEvents.PARTNER_REFERRAL.equals(message.type())) {
            PartnerReferralEvent event = partnerReferral(ReferralEvents.PartnerReferral.of(message.payload()));
            calls.call(destination(), ServiceCalls.Safety.IDEMPOTENT, () -> {
                api.receivePartnerReferral(messageId, event);
                return null;
            });
        } else {
            ProgrammeExitEvent event = programmeExit(ReferralEvents.ProgrammeExit.of(message.payload()));
            calls.call(destination(), ServiceCalls.Safety.IDEMPOTENT, () -> {
                api.receiveProgrammeExit(messageId, event);
                return null;
            });
        }
    }

    private static PartnerReferralEvent partnerReferral(ReferralEvents.PartnerReferral facts) {
        return new PartnerReferralEvent()
                .caseId(facts.caseId())
                .referralId(UUID.fromString(facts.referralId()))
                .programmeCode(facts.programmeCode())
                .referredAt(facts.referredAt().atOffset(ZoneOffset.UTC))
                .partners(facts.partners().stream().map(p -> new ReferredPartner()
                        .relationship(PartnerRelationship.fromValue(p.relationship().name()))
                        .name(p.name())
                        .phone(p.phone())).toList());
    }

    private static ProgrammeExitEvent programmeExit(ReferralEvents.ProgrammeExit facts) {
        return new ProgrammeExitEvent()
                .caseId(facts.caseId())
                .referralId(UUID.fromString(facts.referralId()))
                .programmeCode(facts.programmeCode())
                .exitStatus(ProgrammeExitEvent.ExitStatusEnum.fromValue(facts.exitStatus().name()))
                .nonCompliance(facts.nonCompliance())
                .exitedAt(facts.exitedAt().atOffset(ZoneOffset.UTC));
    }
}
