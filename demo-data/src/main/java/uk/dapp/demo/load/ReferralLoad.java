package uk.dapp.demo.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.dapp.client.programme.api.ReferralsApi;
import uk.dapp.client.programme.model.ContactMethod;
import uk.dapp.client.programme.model.ParticipantIdentity;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.PreferredContact;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.ProgrammeInfo;
import uk.dapp.demo.plan.RiskLevels;

/** Programme referrals: waited for when the risk matrix's outbox makes them, made directly otherwise. */
final class ReferralLoad {

    private final Gateway gateway;
    private final Counts counts;
    private final LocalDate today;
    private final Map<String, ProgrammeInfo> catalogue;

    ReferralLoad(LoadContext context) {
        this.gateway = context.gateway();
        this.counts = context.counts();
        this.today = context.today();
        this.catalogue = context.catalogue();
    }

    Object refer(Loaded l, int windowMonths) {
        Person p = l.person;
        ReferralsApi referrals = new ReferralsApi(gateway.programme(l.team().facilitator()));
        List<PartnerDetails> partners = p.partners().stream()
                .map(partner -> new PartnerDetails()
                        .relationship(
                                partner.current()
                                        ? PartnerDetails.RelationshipEnum.CURRENT_PARTNER
                                        : PartnerDetails.RelationshipEnum.EX_PARTNER)
                        .name(partner.name())
                        .phone(partner.phone()))
                .toList();
        if (l.expectsOutboxReferral) {
            l.referral = Arrivals.until(
                    "the referral of " + l.caseId + " from the risk matrix",
                    () -> referrals.listCaseReferrals(l.caseId).stream()
                            .findFirst()
                            .orElse(null));
            counts.add(Loader.PROGRAMME, "referrals from RISK_MATRIX (outbox)");
            if (!partners.isEmpty()) {
                referrals.passOnPartners(l.referral.getReferralId(), new PartnersPassOn().partners(partners));
                counts.add(Loader.PROGRAMME, "partners passed on");
            }
        } else if (p.referral().wanted()) {
            Level risk = RiskLevels.referralLevel(p.incidents(), today, windowMonths);
            List<ProgrammeInfo> eligible = catalogue.values().stream()
                    .filter(programme -> programme.accepts(p.sex(), p.ageOn(today), risk))
                    .toList();
            if (eligible.isEmpty()) {
                counts.add(Loader.PROGRAMME, "not referred (no programme takes them)");
                return null;
            }
            String source = p.referral().source();
            boolean mandated = p.referral().mandated();
            l.referral = referrals.createReferral(new ReferralCreate()
                    .caseId(l.caseId)
                    .programmeCode(eligible.get(p.index() % eligible.size()).code())
                    .source(ReferralSource.fromValue(source))
                    .mandated(mandated)
                    .riskLevel(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name()))
                    .responsibleProbationOfficer(mandated ? l.team().facilitator() : null)
                    .sex(Sex.fromValue(p.sex()))
                    .dateOfBirth(p.dateOfBirth())
                    .partners(partners)
                    // typed in by the referrer: who he is, for the programme's own work
                    .participant(new ParticipantIdentity()
                            .givenName(p.givenName())
                            .familyName(p.familyName())
                            .dateOfBirth(p.dateOfBirth())
                            .sex(Sex.fromValue(p.sex()))
                            .probationReference(mandated ? p.probationId() : null)
                            .preferredContact(new PreferredContact()
                                    .method(ContactMethod.LETTER)
                                    .address(p.index() + " Example Street, " + p.area()))));
            counts.add(Loader.PROGRAMME, "referrals from " + source);
            if (!partners.isEmpty()) {
                counts.add(Loader.PROGRAMME, "partners passed on");
            }
        }
        if (l.referral != null) {
            l.programme = catalogue.get(l.referral.getProgrammeCode());
        }
        return null;
    }
}
