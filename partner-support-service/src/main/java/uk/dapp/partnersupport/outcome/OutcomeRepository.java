package uk.dapp.partnersupport.outcome;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OutcomeRepository extends MongoRepository<OutcomeRecord, String> {

    List<OutcomeRecord> findByTrackId(String trackId);
}
