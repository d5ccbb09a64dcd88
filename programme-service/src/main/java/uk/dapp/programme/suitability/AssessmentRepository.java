package uk.dapp.programme.suitability;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AssessmentRepository extends MongoRepository<Assessment, String> {

    List<Assessment> findByReferralIdOrderByVersionAsc(String referralId);

    long countByReferralId(String referralId);
}
