package uk.dapp.partnersupport.marac;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MaracReferralRepository extends MongoRepository<MaracReferral, String> {

    List<MaracReferral> findByTrackIdOrderByReferredOnDescReferredAtDesc(String trackId);

    List<MaracReferral> findByOpenSlotAndReferredOnBefore(String openSlot, LocalDate date);

    List<MaracReferral> findByOpenSlotAndTrackIdIn(String openSlot, java.util.Collection<String> trackIds);
}
