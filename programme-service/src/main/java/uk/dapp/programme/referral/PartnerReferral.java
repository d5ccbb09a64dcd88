package uk.dapp.programme.referral;

import java.time.Instant;
import java.util.List;
import uk.dapp.platform.outbox.CaseEvent;
import uk.dapp.platform.outbox.CaseEventType;
import uk.dapp.platform.outbox.Destinations;

/**
 * To partner support: the partners named with a referral, or passed on later, for partner support to
 * open a track for each (partner-support-service.yaml PartnerReferralEvent). The details travel in
 * this message only; the relay erases them from the outbox once delivered.
 *
 * @param team the team holding the referral, whose partner support workers take the tracks (ADR 0012);
 *             null for referrals made before teams, and then left out
 */
public record PartnerReferral(
        String caseId, String referralId, String programmeCode, Instant referredAt, List<Partner> partners, String team)
        implements CaseEvent {

    public static final CaseEventType<PartnerReferral> TYPE =
            CaseEventType.of("partner-referral.v1", Destinations.PARTNER_SUPPORT, PartnerReferral.class);

    public PartnerReferral {
        partners = List.copyOf(partners);
    }

    @Override
    public String toString() {
        return "PartnerReferral[" + caseId + ", " + referralId + ", " + partners.size() + " partners]";
    }
}
