package uk.dapp.programme.alert;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AlertRepository extends MongoRepository<Alert, String> {

    List<Alert> findByReferralIdOrderByRaisedAtAsc(String referralId);

    /** Alerts kept against a case because it had no open referral when they arrived. */
    List<Alert> findByCaseIdAndReferralIdIsNull(String caseId);

    List<Alert> findByReviewedAtIsNullAndReviewDueByBeforeOrderByReviewDueByAsc(Instant now);

    List<Alert> findByReviewedAtIsNullOrderByReviewDueByAsc();
}
