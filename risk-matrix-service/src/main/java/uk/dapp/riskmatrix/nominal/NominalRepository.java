package uk.dapp.riskmatrix.nominal;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NominalRepository extends MongoRepository<Nominal, String> {

    Optional<Nominal> findByPoliceId(String policeId);
}
