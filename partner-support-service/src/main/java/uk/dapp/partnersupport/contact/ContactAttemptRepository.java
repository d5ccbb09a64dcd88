package uk.dapp.partnersupport.contact;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ContactAttemptRepository extends MongoRepository<ContactAttempt, String> {

    List<ContactAttempt> findByTrackIdOrderByAttemptedAtAsc(String trackId);
}
