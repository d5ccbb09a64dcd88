package uk.dapp.programme.referral;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface EngageDecisionRepository extends MongoRepository<EngageDecision, String> {

    List<EngageDecision> findByReferralIdOrderByReceivedAtAsc(String referralId);
}
