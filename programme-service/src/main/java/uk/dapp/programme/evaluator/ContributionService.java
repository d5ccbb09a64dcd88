package uk.dapp.programme.evaluator;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterators;
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
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.ProgrammeType;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.suitability.Assessment;

/**
 * The programme's evaluator contribution. Referrals are read through one cursor sorted by case ID
 * (latest first within a case) and grouped as they pass, so memory holds one case at a time; the
 * chosen referral's assessments and attendance are then read by referral ID.
 */
@Service
public class ContributionService implements Contributions {

    private static final String RESOURCE = "evaluator-contributions";

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
        Query query = Query.query(Criteria.where("createdAt").lte(asOf))
                .with(Sort.by(Sort.Order.asc("caseId"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
        // partner details travel in the outbox and officers' names are people: neither is read
        query.fields()
                .exclude(
                        "outbox",
                        "partnersPassedOn",
                        "history",
                        "responsibleProbationOfficer",
                        "dateOfBirth",
                        "caseManager",
                        "referredBy");
        audit.record(AuditAction.READ, null, RESOURCE, null);
        Stream<Referral> referrals = mongo.stream(StreamedQueries.batched(query), Referral.class);
        Iterator<Referral> cursor = referrals.iterator();
        Iterator<ProgrammeContribution> rows = new Iterator<>() {
            private Referral next = cursor.hasNext() ? cursor.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ProgrammeContribution next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Referral latest = next;
                int count = 1;
                next = null;
                while (cursor.hasNext()) {
                    Referral candidate = cursor.next();
                    if (!candidate.caseId().equals(latest.caseId())) {
                        next = candidate;
                        break;
                    }
                    count++;
                }
                return row(latest, count, asOf);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                .onClose(referrals::close);
    }

    private ProgrammeContribution row(Referral referral, int referrals, Instant asOf) {
        Assessment assessment = mongo
                .find(
                        Query.query(Criteria.where("referralId")
                                .is(referral.referralId())
                                .and("assessedAt")
                                .lte(asOf)),
                        Assessment.class)
                .stream()
                .max(Comparator.comparingInt(Assessment::version))
                .orElse(null);
        ExitRecord exit = referral.exit() != null && !referral.exit().exitedAt().isAfter(asOf) ? referral.exit() : null;
        int attended;
        int required;
        if (exit != null) {
            attended = exit.sessionsAttended();
            required = exit.sessionsRequired();
        } else {
            attended = (int) mongo
                    .find(
                            Query.query(Criteria.where("referralId")
                                    .is(referral.referralId())
                                    .and("sessionAt")
                                    .lte(asOf)),
                            Attendance.class)
                    .stream()
                    .filter(a -> a.outcome().attended())
                    .count();
            required = catalogue.get(referral.programmeCode()).sessionCount();
        }
        return new ProgrammeContribution(
                referral.caseId(),
                referral.sex(),
                PeriodLadder.monthOf(referral.createdAt()),
                referral.programmeCode(),
                programmeType(referral.programmeCode()),
                referral.source(),
                referral.mandated(),
                assessment == null ? null : assessment.outcome(),
                attended,
                required,
                exit == null ? null : exit.status(),
                exit == null ? null : LocalDate.ofInstant(exit.exitedAt(), PeriodLadder.UK),
                referrals);
    }

    /** The programme's type from the catalogue; null if it is no longer there (never a failed extract). */
    private ProgrammeType programmeType(String code) {
        try {
            return catalogue.get(code).type();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
