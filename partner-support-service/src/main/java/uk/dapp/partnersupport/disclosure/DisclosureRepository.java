package uk.dapp.partnersupport.disclosure;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DisclosureRepository extends MongoRepository<Disclosure, String> {

    List<Disclosure> findByTrackIdOrderByRecordedAtAsc(String trackId);

    List<Disclosure> findByCaseId(String caseId);
}
