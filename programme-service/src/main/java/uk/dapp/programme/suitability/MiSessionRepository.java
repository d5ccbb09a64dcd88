package uk.dapp.programme.suitability;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface MiSessionRepository extends MongoRepository<MiSession, String> {

    List<MiSession> findByReferralIdOrderByNumberAsc(String referralId);
}
