package uk.dapp.programme.outbox;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.dapp.client.partnersupport.ApiClient;
import uk.dapp.client.partnersupport.api.CaseEventsApi;
import uk.dapp.client.partnersupport.model.PartnerReferralEvent;
import uk.dapp.client.partnersupport.model.PartnerRelationship;
import uk.dapp.client.partnersupport.model.ProgrammeExitEvent;
import uk.dapp.client.partnersupport.model.ReferralHeldEvent;
import uk.dapp.client.partnersupport.model.ReferredPartner;
import uk.dapp.platform.calls.ServiceCalls;
import uk.dapp.platform.outbox.CaseEventDelivery;
import uk.dapp.platform.holding.HoldingChange;
import uk.dapp.platform.outbox.Destinations;
import uk.dapp.programme.referral.ReferralEvents;

/**
 * Partner referrals, programme exits and referral holdings to partner support, through its generated
 * client. Each is a PUT keyed by the message ID that partner support applies once, so it is safe to repeat.
 */
@Configuration(proxyBeanMethods = false)
class PartnerSupportDelivery {

    @Bean
    CaseEventDelivery<PartnerReferralEvent> partnerReferralDelivery(ServiceCalls calls) {
        CaseEventsApi api = partnerSupport(calls);
        return new CaseEventDelivery<>(calls, Destinations.PARTNER_SUPPORT, ReferralEvents.PARTNER_REFERRAL) {
            @Override
            protected PartnerReferralEvent event(Map<String, Object> payload) {
                return partnerReferral(ReferralEvents.PartnerReferral.of(payload));
            }

            @Override
            protected void put(UUID messageId, PartnerReferralEvent event) {
                api.receivePartnerReferral(messageId, event);
            }
        };
    }

    @Bean
    CaseEventDelivery<ProgrammeExitEvent> programmeExitToPartnerSupportDelivery(ServiceCalls calls) {
        CaseEventsApi api = partnerSupport(calls);
        return new CaseEventDelivery<>(calls, Destinations.PARTNER_SUPPORT, ReferralEvents.PROGRAMME_EXIT) {
            @Override
            protected ProgrammeExitEvent event(Map<String, Object> payload) {
                return programmeExit(ReferralEvents.ProgrammeExit.of(payload));
            }

            @Override
            protected void put(UUID messageId, ProgrammeExitEvent event) {
                api.receiveProgrammeExit(messageId, event);
            }
        };
    }

    @Bean
    CaseEventDelivery<ReferralHeldEvent> referralHeldDelivery(ServiceCalls calls) {
        CaseEventsApi api = partnerSupport(calls);
        return new CaseEventDelivery<>(calls, Destinations.PARTNER_SUPPORT, ReferralEvents.REFERRAL_HELD) {
            @Override
            protected ReferralHeldEvent event(Map<String, Object> payload) {
                HoldingChange change = HoldingChange.of(payload, ReferralEvents.REFERRAL_ID);
                return new ReferralHeldEvent()
                        .caseId(change.caseId())
                        .referralId(UUID.fromString(change.key()))
                        .held(change.held())
                        .sequence(change.sequence());
            }

            @Override
            protected void put(UUID messageId, ReferralHeldEvent event) {
                api.receiveReferralHolding(messageId, event);
            }
        };
    }

    private static CaseEventsApi partnerSupport(ServiceCalls calls) {
        ApiClient client = new ApiClient(calls.prepare(ApiClient.buildRestClientBuilder()).build());
        client.setBasePath(calls.baseUrl(Destinations.PARTNER_SUPPORT));
        return new CaseEventsApi(client);
    }

    static PartnerReferralEvent partnerReferral(ReferralEvents.PartnerReferral facts) {
        return new PartnerReferralEvent()
                .caseId(facts.caseId())
                .referralId(UUID.fromString(facts.referralId()))
                .programmeCode(facts.programmeCode())
                .referredAt(facts.referredAt().atOffset(ZoneOffset.UTC))
                .team(facts.team())
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
