package uk.dapp.riskmatrix.referencedata;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReferenceDataRepository extends MongoRepository<ReferenceData, Integer> {

    Optional<ReferenceData> findFirstByOrderByVersionDesc();

    List<ReferenceData> findAllByOrderByVersionDesc();
}
