package uk.dapp.riskmatrix.onward;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.dapp.riskmatrix.values.OnwardReferral;

/**
 * A nominal's onward referrals: one document per case (ID the case ID), saved with optimistic locking, so
 * "one open referral of a type at a time" and each move are checked against what is stored and a
 * concurrent change answers 409.
 */
@Document(OnwardReferrals.COLLECTION)
public record OnwardReferrals(
        @Id String caseId,
        List<OnwardReferral> referrals,
        @Version Long version) {

    public static final String COLLECTION = "onward_referrals";

    public OnwardReferrals {
        referrals = referrals == null ? List.of() : List.copyOf(referrals);
    }

    static OnwardReferrals none(String caseId) {
        return new OnwardReferrals(caseId, List.of(), null);
    }

    OnwardReferrals with(OnwardReferral added) {
        List<OnwardReferral> all = new ArrayList<>(referrals);
        all.add(added);
        return new OnwardReferrals(caseId, all, version);
    }

    OnwardReferrals replaced(OnwardReferral changed) {
        return new OnwardReferrals(
                caseId,
                referrals.stream()
                        .map(r -> r.referralId().equals(changed.referralId()) ? changed : r)
                        .toList(),
                version);
    }
}
