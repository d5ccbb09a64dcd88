package uk.dapp.programme.referral;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ReferralRepository extends MongoRepository<Referral, String> {

    List<Referral> findByCaseIdOrderByCreatedAtDesc(String caseId);

    Optional<Referral> findByCaseIdAndProgrammeCodeAndOpenSlot(String caseId, String programmeCode, String openSlot);
}
