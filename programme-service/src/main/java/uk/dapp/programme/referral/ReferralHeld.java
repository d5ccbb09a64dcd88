package uk.dapp.programme.referral;

import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * To partner support when a referral opens or closes (partner-support-service.yaml ReferralHeldEvent):
 * whether it holds its case now, with the sequence of the change that says so, which only grows for
 * one referral (ADR 0009).
 */
public record ReferralHeld(String caseId, String referralId, boolean held, long sequence) implements CaseEvent {

    public static final CaseEventType<ReferralHeld> TYPE =
            CaseEventType.of("referral-held.v1", Destinations.PARTNER_SUPPORT, ReferralHeld.class);
}
