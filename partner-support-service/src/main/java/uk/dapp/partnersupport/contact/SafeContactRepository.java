package uk.dapp.partnersupport.contact;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SafeContactRepository extends MongoRepository<StoredSafeContact, String> {}
