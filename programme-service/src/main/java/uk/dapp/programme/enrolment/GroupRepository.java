package uk.dapp.programme.enrolment;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface GroupRepository extends MongoRepository<Group, String> {

    List<Group> findByFacilitatorsContaining(String facilitator);
}
