package uk.dapp.partnersupport.disclosure;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import uk.dapp.partnersupport.consent.ConsentService;
import uk.dapp.partnersupport.consent.SharingScope;
import uk.dapp.platform.outbox.DeliveryPolicy;
import uk.dapp.platform.outbox.OutboxMessage;

/**
 * Asked by the relay before every attempt to send a risk alert, so consent is judged when the alert
 * leaves, not when it was written: a withdrawal stops every alert not yet delivered. The basis an
 * alert is let go on is written onto its disclosure each time (the relay is the only writer, one
 * attempt at a time), so a delivered alert shows the basis of the attempt that delivered it.
 */
@Component
class RiskAlertConsentCheck implements DeliveryPolicy {

    static final String DISCLOSURE_MISSING = "the disclosure behind this alert is not found";

    private final DisclosureRepository disclosures;
    private final ConsentService consents;
    private final MongoTemplate mongo;

    RiskAlertConsentCheck(DisclosureRepository disclosures, ConsentService consents, MongoTemplate mongo) {
        this.disclosures = disclosures;
        this.consents = consents;
        this.mongo = mongo;
    }

    @Override
    public Optional<String> withholdReason(OutboxMessage message) {
        if (!RiskAlert.TYPE.isTypeOf(message)) {
            return Optional.empty();
        }
        Optional<Disclosure> disclosure = disclosures.findById(message.id());
        if (disclosure.isEmpty()) {
            return Optional.of(DISCLOSURE_MISSING); // nothing to judge consent by: never share blind
        }
        RiskAlertSharing.Decision decision = RiskAlertSharing.decide(
                disclosure.get().riskLevel(),
                consents.sharingPermitted(disclosure.get().trackId(), SharingScope.PROGRAMME));
        decision.basis()
                .ifPresent(basis -> mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(message.id())
                                .and(Disclosure.ALERT_BASIS)
                                .ne(basis)),
                        Update.update(Disclosure.ALERT_BASIS, basis),
                        Disclosure.class));
        return decision.withheldBecause();
    }
}
