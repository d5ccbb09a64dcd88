package uk.dapp.partnersupport.track;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PartnerTrackRepository extends MongoRepository<PartnerTrack, String> {

    List<PartnerTrack> findByCaseIdOrderByOpenedAtAsc(String caseId);

    List<PartnerTrack> findByStatusAndFirstContactDueOnBefore(TrackStatus status, LocalDate date);

    List<PartnerTrack> findByStatus(TrackStatus status);

    List<PartnerTrack> findByStatusAndAllocatedWorkerIsNull(TrackStatus status);
}
