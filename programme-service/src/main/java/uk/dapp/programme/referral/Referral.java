package uk.dapp.programme.referral;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A referral of a case to a programme. {@code openSlot} is {@value #OPEN} while the referral is
 * open and its own ID once closed, so a unique index allows one open referral per case and
 * programme and any number of closed ones (the embedded store has no partial indexes).
 */
@Document("referrals")
@CompoundIndex(name = "one_open_referral_per_case_and_programme",
        def = "{'caseId': 1, 'programmeCode': 1, 'openSlot': 1}", unique = true)
public record Referral(
        @Id String referralId,
        @Indexed String caseId,
        String programmeCode,
        ReferralSource source,
        boolean mandated,
        RiskLevel riskLevel,
        String responsibleProbationOfficer,
        ReferralStatus status,
        String referredBy,
        String openSlot,
        Instant createdAt,
        @Version Long version) {

    static final String OPEN = "OPEN";
}
