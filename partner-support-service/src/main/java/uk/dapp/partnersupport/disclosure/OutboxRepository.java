package uk.dapp.partnersupport.disclosure;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface OutboxRepository extends MongoRepository<OutboxMessage, String> {

    List<OutboxMessage> findByCaseIdAndTypeOrderByCreatedAtDesc(String caseId, String type);
}
