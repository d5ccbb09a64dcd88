package uk.dapp.riskmatrix.onward;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface OnwardReferralsRepository extends MongoRepository<OnwardReferrals, String> {}
