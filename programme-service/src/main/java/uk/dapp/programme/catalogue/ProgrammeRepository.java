package uk.dapp.programme.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ProgrammeRepository extends MongoRepository<Programme, String> {}
