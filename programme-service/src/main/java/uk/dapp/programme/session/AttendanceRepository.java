package uk.dapp.programme.session;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface AttendanceRepository extends MongoRepository<Attendance, String> {

    List<Attendance> findByReferralId(String referralId);

    List<Attendance> findBySessionIdIn(java.util.Collection<String> sessionIds);
}
