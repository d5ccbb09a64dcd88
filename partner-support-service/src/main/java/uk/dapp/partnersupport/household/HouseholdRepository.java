package uk.dapp.partnersupport.household;

import org.springframework.data.mongodb.repository.MongoRepository;

interface HouseholdRepository extends MongoRepository<Household, String> {}
