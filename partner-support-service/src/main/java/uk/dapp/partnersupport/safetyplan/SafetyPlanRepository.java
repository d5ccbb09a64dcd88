package uk.dapp.partnersupport.safetyplan;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SafetyPlanRepository extends MongoRepository<SafetyPlan, String> {

    List<SafetyPlan> findByTrackIdOrderByCreatedAtAsc(String trackId);

    List<SafetyPlan> findByReviewOnBefore(LocalDate date);

    List<SafetyPlan> findByTrackIdIn(java.util.Collection<String> trackIds);
}
