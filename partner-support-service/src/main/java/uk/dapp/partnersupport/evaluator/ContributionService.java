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
import uk.dapp.platform.evaluator.Contributions;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.store.StreamedQueries;

/**
 * Partner support's evaluator contribution. Tracks are read through one cursor sorted by case ID
 * (first opened first) and grouped as they pass, so memory holds one case at a time; the first
 * track's outcomes and DASH levels are then read by track ID, projected to the scores and levels only.
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
        audit.record(AuditAction.READ, null, RESOURCE, null);
        Stream<PartnerTrack> tracks = mongo.stream(StreamedQueries.batched(query), PartnerTrack.class);
        Iterator<PartnerTrack> cursor = tracks.iterator();
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
                return row(first, count, asOf);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                .onClose(tracks::close);
    }

    private PartnerSupportContribution row(PartnerTrack track, int tracks, Instant asOf) {
        Query outcomes = Query.query(
                Criteria.where("trackId").is(track.trackId()).and("recordedAt").lte(asOf));
        outcomes.fields().include("point", "measures");
        Map<OutcomePoint, OutcomeMeasures> byPoint = new EnumMap<>(OutcomePoint.class);
        mongo.find(outcomes, OutcomeRecord.class).forEach(o -> byPoint.put(o.point(), o.measures()));
        OutcomePoint comparedTo = byPoint.containsKey(OutcomePoint.EXIT)
                ? OutcomePoint.EXIT
                : byPoint.containsKey(OutcomePoint.MIDWAY) ? OutcomePoint.MIDWAY : null;
        if (comparedTo != null && !byPoint.containsKey(OutcomePoint.INTAKE)) {
            comparedTo = null;
        }
        Map<String, Integer> changes = comparedTo == null
                ? Map.of()
                : OutcomeChanges.between(byPoint.get(OutcomePoint.INTAKE), byPoint.get(comparedTo));

        Query dash = Query.query(
                Criteria.where("trackId").is(track.trackId()).and("recordedAt").lte(asOf));
        // the answers are a partner's disclosures: only the version and the level are read
        dash.fields().include("versionNumber", "riskLevel", "incidentsInLast12Months", "yesCount");
        List<DashAssessment> versions = mongo.find(dash, DashAssessment.class).stream()
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
                FirstContact.of(workingDays, track.openedAt(), track.firstContactDueOn(), firstReached(track, asOf)));
    }

    /** When the partner was first reached, as attempted and logged by the snapshot; null if not yet. */
    private Instant firstReached(PartnerTrack track, Instant asOf) {
        if (!track.contactMade()) {
            return null; // never reached, so no attempt to look for
        }
        Query reached = Query.query(Criteria.where("trackId")
                        .is(track.trackId())
                        .and("outcome")
                        .is(ContactOutcome.REACHED)
                        .and("attemptedAt")
                        .lte(asOf)
                        .and("loggedAt")
                        .lte(asOf))
                .with(Sort.by(Sort.Order.asc("attemptedAt")))
                .limit(1);
        // when, and nothing of how or by whom
        reached.fields().include("attemptedAt");
        ContactAttempt first = mongo.findOne(reached, ContactAttempt.class);
        return first == null ? null : first.attemptedAt();
    }
}
