package uk.dapp.programme.session;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface SessionRepository extends MongoRepository<Session, String> {

    List<Session> findByGroupIdOrderByScheduledAtAsc(String groupId);

    List<Session> findByReferralIdOrderByScheduledAtAsc(String referralId);
}
