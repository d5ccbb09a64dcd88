package uk.dapp.programme.suitability;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of a referral's suitability assessment; versions are only ever added. */
@Document("assessments")
@CompoundIndex(name = "one_assessment_per_version", def = "{'referralId': 1, 'version': 1}", unique = true)
public record Assessment(
        @Id String assessmentId,
        String referralId,
        /** Indexed: the evaluator export reads every assessment in case order, beside the referrals. */
        @Indexed String caseId,
        int version,
        Scores scores,
        SuitabilityOutcome outcome,
        String reason,
        OnwardRoute onwardRoute,
        int miSessionsUsed,
        int miSessionCap,
        String assessedBy,
        Instant assessedAt) {}
