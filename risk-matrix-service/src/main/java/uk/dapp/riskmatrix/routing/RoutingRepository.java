package uk.dapp.riskmatrix.routing;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface RoutingRepository extends MongoRepository<Routing, String> {}
