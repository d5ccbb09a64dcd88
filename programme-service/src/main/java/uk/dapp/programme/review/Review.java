package uk.dapp.programme.review;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.platform.risk.RiskLevel;

/** A monthly case-management review: the risk level found and actions for the safety of partner and children. */
@Document("reviews")
public record Review(@Id String reviewId, @Indexed String referralId, String caseId, RiskLevel riskLevel,
        String safetyActions, String reviewedBy, Instant reviewedAt, Instant nextDue) {
}
