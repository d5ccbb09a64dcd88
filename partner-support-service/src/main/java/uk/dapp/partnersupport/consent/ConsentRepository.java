package uk.dapp.partnersupport.consent;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ConsentRepository extends MongoRepository<Consent, String> {

    List<Consent> findByTrackIdOrderByRecordedAtAsc(String trackId);

    List<Consent> findByTrackIdAndTypeAndStatus(String trackId, ConsentType type, ConsentStatus status);
}
