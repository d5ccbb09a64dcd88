package uk.dapp.partnersupport.track;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PartnerTrackRepository extends MongoRepository<PartnerTrack, String> {

    List<PartnerTrack> findByCaseIdOrderByOpenedAtAsc(String caseId);
}
