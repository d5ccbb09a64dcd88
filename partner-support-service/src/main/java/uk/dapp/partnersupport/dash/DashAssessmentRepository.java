package uk.dapp.partnersupport.dash;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DashAssessmentRepository extends MongoRepository<DashAssessment, String> {

    List<DashAssessment> findByTrackIdOrderByVersionNumberDesc(String trackId);
}
