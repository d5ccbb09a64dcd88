package uk.dapp.programme.referral;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.programme.catalogue.Pathway;

/**
 * A risk-matrix ENGAGE decision that arrived while the case already had an open referral to the
 * programme: no second referral is opened, but the decision is kept (shown on that referral's
 * timeline) so the facilitator knows the risk matrix engaged the person again, at which risk level.
 * Its own document, keyed by the message ID, so recording it is one insert that a repeated message
 * cannot double, and a facilitator's concurrent save of the referral cannot erase it.
 */
@Document("engage_decisions")
public record EngageDecision(
        @Id String messageId,
        @Indexed String referralId,
        String caseId,
        String programmeCode,
        Pathway pathway,
        RiskLevel riskLevel,
        Instant decidedAt,
        String receivedBy,
        Instant receivedAt) {}
