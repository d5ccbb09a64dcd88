package uk.dapp.partnersupport.evaluator;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.contact.ContactAttempt;
import uk.dapp.partnersupport.contact.ContactOutcome;
import uk.dapp.partnersupport.dash.DashAssessment;
import uk.dapp.partnersupport.outcome.OutcomeChanges;
import uk.dapp.partnersupport.outcome.OutcomeMeasures;
import uk.dapp.partnersupport.outcome.OutcomePoint;
import uk.dapp.partnersupport.outcome.OutcomeRecord;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.InCaseOrder;
import uk.dapp.platform.evaluator.Contributions;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.store.StreamedQueries;

/**
 * Partner support's evaluator contribution. Tracks are read through one cursor sorted by case ID
 * (first opened first) and grouped as they pass; outcomes, DASH levels and the attempts that reached
 * a partner are each read through one more cursor sorted by case ID (each indexed on it) and merged
 * beside them ({@link InCaseOrder}), projected to the scores, levels and times only. Memory holds
 * one case at a time, and the store is asked four questions in all, not three a row.
 */
@Service
public class ContributionService implements Contributions {

    private static final String RESOURCE = "evaluator-contributions";

    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final WorkingDays workingDays;

    ContributionService(MongoTemplate mongo, AuditWriter audit, WorkingDays workingDays) {
        this.mongo = mongo;
        this.audit = audit;
        this.workingDays = workingDays;
    }

    /** Every case with a partner track opened by {@code asOf}, ascending by case ID; the caller closes it. */
    @Override
    public Stream<PartnerSupportContribution> contributions(Instant asOf) {
        Query query = Query.query(Criteria.where("openedAt").lte(asOf))
                .with(Sort.by(Sort.Order.asc("caseId"), Sort.Order.asc("openedAt"), Sort.Order.asc("_id")));
        // who the partner is, and who works with them, is never read
        query.fields().include("_id", "caseId", "openedAt", "firstContactDueOn", "contactMade", "outboxSequence");

        Query outcomes = byCase(Criteria.where("recordedAt").lte(asOf));
        outcomes.fields().include("caseId", "trackId", "point", "measures");

        Query dash = byCase(Criteria.where("recordedAt").lte(asOf));
        // the answers are a partner's disclosures: only the version and the level are read
        // (a record's primitive components must be read too)
        dash.fields().include("caseId", "trackId", "versionNumber", "riskLevel", "incidentsInLast12Months", "yesCount");

        Query reached = byCase(Criteria.where("outcome")
                .is(ContactOutcome.REACHED)
                .and("attemptedAt")
                .lte(asOf)
                .and("loggedAt")
                .lte(asOf));
        // when, and nothing of how or by whom
        reached.fields().include("caseId", "trackId", "attemptedAt");

        audit.record(AuditAction.READ, null, RESOURCE, null);
        Stream<PartnerTrack> tracks = mongo.stream(StreamedQueries.batched(query), PartnerTrack.class);
        Stream<OutcomeRecord> outcomeRows = mongo.stream(outcomes, OutcomeRecord.class);
        Stream<DashAssessment> dashRows = mongo.stream(dash, DashAssessment.class);
        Stream<ContactAttempt> reachedRows = mongo.stream(reached, ContactAttempt.class);
        Iterator<PartnerTrack> cursor = tracks.iterator();
        InCaseOrder<OutcomeRecord> outcomesByCase =
                new InCaseOrder<>("outcomes", outcomeRows.iterator(), OutcomeRecord::caseId);
        InCaseOrder<DashAssessment> dashByCase =
                new InCaseOrder<>("DASH assessments", dashRows.iterator(), DashAssessment::caseId);
        InCaseOrder<ContactAttempt> reachedByCase =
                new InCaseOrder<>("contact attempts", reachedRows.iterator(), ContactAttempt::caseId);
        Iterator<PartnerSupportContribution> rows = new Iterator<>() {
            private PartnerTrack next = cursor.hasNext() ? cursor.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public PartnerSupportContribution next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                PartnerTrack first = next;
                int count = 1;
                next = null;
                while (cursor.hasNext()) {
                    PartnerTrack candidate = cursor.next();
                    if (!candidate.caseId().equals(first.caseId())) {
                        next = candidate;
                        break;
                    }
                    count++;
                }
                String trackId = first.trackId();
                return row(
                        first,
                        count,
                        outcomesByCase.of(first.caseId()).stream()
                                .filter(o -> trackId.equals(o.trackId()))
                                .toList(),
                        dashByCase.of(first.caseId()).stream()
                                .filter(d -> trackId.equals(d.trackId()))
                                .toList(),
                        reachedByCase.of(first.caseId()).stream()
                                .filter(a -> trackId.equals(a.trackId()))
                                .toList());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                .onClose(tracks::close)
                .onClose(outcomeRows::close)
                .onClose(dashRows::close)
                .onClose(reachedRows::close);
    }

    /** A whole collection's matches in case-ID order, read a batch at a time through its case-ID index. */
    private static Query byCase(Criteria criteria) {
        return StreamedQueries.batched(Query.query(criteria).with(Sort.by(Sort.Order.asc("caseId"))));
    }

    /** The case's row from its first track and that track's outcomes, DASH versions and attempts that reached her. */
    private PartnerSupportContribution row(
            PartnerTrack track,
            int tracks,
            List<OutcomeRecord> outcomes,
            List<DashAssessment> assessments,
            List<ContactAttempt> reached) {
        Map<OutcomePoint, OutcomeMeasures> byPoint = new EnumMap<>(OutcomePoint.class);
        outcomes.forEach(o -> byPoint.put(o.point(), o.measures()));
        OutcomePoint comparedTo = byPoint.containsKey(OutcomePoint.EXIT)
                ? OutcomePoint.EXIT
                : byPoint.containsKey(OutcomePoint.MIDWAY) ? OutcomePoint.MIDWAY : null;
        if (comparedTo != null && !byPoint.containsKey(OutcomePoint.INTAKE)) {
            comparedTo = null;
        }
        Map<String, Integer> changes = comparedTo == null
                ? Map.of()
                : OutcomeChanges.between(byPoint.get(OutcomePoint.INTAKE), byPoint.get(comparedTo));

        List<DashAssessment> versions = assessments.stream()
                .sorted(Comparator.comparingInt(DashAssessment::versionNumber))
                .toList();
        RiskLevel atIntake = versions.isEmpty() ? null : versions.getFirst().riskLevel();
        RiskLevel atExit = versions.isEmpty() || !byPoint.containsKey(OutcomePoint.EXIT)
                ? null
                : versions.getLast().riskLevel();
        PartnerSupportContribution.ChildrenFrightened frightened = comparedTo == null
                ? PartnerSupportContribution.ChildrenFrightened.UNKNOWN
                : PartnerSupportContribution.ChildrenFrightened.between(
                        byPoint.get(OutcomePoint.INTAKE), byPoint.get(comparedTo));
        return PartnerSupportContribution.of(
                track.caseId(),
                tracks,
                comparedTo,
                changes,
                frightened,
                atIntake,
                atExit,
                FirstContact.of(
                        workingDays, track.openedAt(), track.firstContactDueOn(), firstReached(track, reached)));
    }

    /** When the partner was first reached, as attempted and logged by the snapshot; null if not yet. */
    private static Instant firstReached(PartnerTrack track, List<ContactAttempt> reached) {
        if (!track.contactMade()) {
            return null; // never reached, so no attempt to look for
        }
        return reached.stream()
                .map(ContactAttempt::attemptedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
