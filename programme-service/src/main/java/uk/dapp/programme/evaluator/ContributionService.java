package uk.dapp.programme.evaluator;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.evaluator.Contributions;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.session.AttendanceOutcome;
import uk.dapp.programme.suitability.Assessment;

/**
 * The programme's evaluator contribution. The referrals (latest first within a case), the
 * assessments and the attendance are each read through one cursor sorted by case ID and merged in
 * step ({@link ContributionRows}), and the catalogue is read once: memory holds one case at a time,
 * and the export asks the store nothing per row.
 */
@Service
public class ContributionService implements Contributions {

    private static final String RESOURCE = "evaluator-contributions";

    /** Only these count towards the sessions attended: the others are neither read nor sent. */
    private static final Object[] ATTENDED = Arrays.stream(AttendanceOutcome.values())
            .filter(AttendanceOutcome::attended)
            .map(AttendanceOutcome::name)
            .toArray();

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final AuditWriter audit;

    ContributionService(MongoTemplate mongo, Catalogue catalogue, AuditWriter audit) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /** Every case with a referral made by {@code asOf}, ascending by case ID; the caller closes it. */
    @Override
    public Stream<ProgrammeContribution> contributions(Instant asOf) {
        Query referralQuery = Query.query(Criteria.where("createdAt").lte(asOf))
                .with(Sort.by(Sort.Order.asc("caseId"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
        // partner details travel in the outbox and officers' names are people: neither is read
        referralQuery
                .fields()
                .exclude(
                        "outbox",
                        "partnersPassedOn",
                        "history",
                        "responsibleProbationOfficer",
                        "dateOfBirth",
                        "caseManager",
                        "referredBy");
        Query assessmentQuery =
                Query.query(Criteria.where("assessedAt").lte(asOf)).with(Sort.by("caseId"));
        // the outcome, never the scores or the reason typed (a record's primitive components must be read too)
        assessmentQuery
                .fields()
                .include("caseId", "referralId", "version", "outcome", "assessedAt", "miSessionsUsed", "miSessionCap");
        Query attendanceQuery = Query.query(
                        Criteria.where("sessionAt").lte(asOf).and("outcome").in(ATTENDED))
                .with(Sort.by("caseId"));
        attendanceQuery.fields().include("caseId", "referralId", "outcome", "sessionAt");
        Map<String, Programme> programmes =
                catalogue.all().stream().collect(Collectors.toMap(Programme::code, Function.identity()));
        audit.record(AuditAction.READ, null, RESOURCE, null);
        Stream<Referral> referrals = mongo.stream(StreamedQueries.batched(referralQuery), Referral.class);
        Stream<Assessment> assessments = null;
        Stream<Attendance> attendance = null;
        try {
            assessments = mongo.stream(StreamedQueries.batched(assessmentQuery), Assessment.class);
            attendance = mongo.stream(StreamedQueries.batched(attendanceQuery), Attendance.class);
            ContributionRows rows = new ContributionRows(
                    referrals.iterator(), assessments.iterator(), attendance.iterator(), programmes, asOf);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                    .onClose(referrals::close)
                    .onClose(assessments::close)
                    .onClose(attendance::close);
        } catch (RuntimeException failed) {
            referrals.close();
            if (assessments != null) {
                assessments.close();
            }
            if (attendance != null) {
                attendance.close();
            }
            throw failed;
        }
    }
}
