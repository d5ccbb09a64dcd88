package uk.dapp.riskmatrix.evaluator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
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
import uk.dapp.platform.privacy.AgeLadder;
import uk.dapp.platform.privacy.AgeLevel;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.riskmatrix.nominal.Nominal;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.routing.Routing;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.Incident;

/**
 * The risk matrix's evaluator contribution: nominals and routings are each read through one
 * cursor sorted by case ID and merged, so memory holds one of each at a time, never the cohort.
 */
@Service
public class ContributionService implements Contributions {

    static final int FOLLOW_UP_MONTHS = 12;
    private static final String RESOURCE = "evaluator-contributions";

    private final MongoTemplate mongo;
    private final ReferenceDataService referenceData;
    private final AuditWriter audit;

    ContributionService(MongoTemplate mongo, ReferenceDataService referenceData, AuditWriter audit) {
        this.mongo = mongo;
        this.referenceData = referenceData;
        this.audit = audit;
    }

    /** Every case opened by {@code asOf}, ascending by case ID; the caller must close the stream. */
    @Override
    public Stream<RiskMatrixContribution> contributions(Instant asOf) {
        ReferenceData weights = referenceData.current();
        LocalDate snapshotDay = LocalDate.ofInstant(asOf, PeriodLadder.UK);
        Query nominals = Query.query(Criteria.where("createdAt").lte(asOf)).with(Sort.by("_id"));
        // names, police and probation numbers are never even read
        // (the type too: only domestic abuse is scored)
        nominals.fields()
                .include(
                        "_id",
                        "dateOfBirth",
                        "area",
                        "incidents.date",
                        "incidents.type",
                        "incidents.offenceCode",
                        "incidents.crime",
                        "incidents.victimKey",
                        "incidents.outcome",
                        "incidents.courtOutcome",
                        "incidents.courtOutcomeOn");
        Query routings = Query.query(Criteria.where("firstDecidedAt").lte(asOf)).with(Sort.by("_id"));
        // (a record's primitive components must be read too)
        routings.fields().include("_id", "decidedRoute", "firstDecidedAt", "overridesRecommendation", "outboxSequence");
        audit.record(AuditAction.READ, null, RESOURCE, null);
        Stream<Nominal> nominalRows = mongo.stream(StreamedQueries.batched(nominals), Nominal.class);
        Stream<Routing> routingRows = mongo.stream(StreamedQueries.batched(routings), Routing.class);
        Iterator<Routing> decided = routingRows.iterator();
        Iterator<RiskMatrixContribution> rows = new Iterator<>() {
            private final Iterator<Nominal> cases = nominalRows.iterator();
            private Routing pending;

            @Override
            public boolean hasNext() {
                return cases.hasNext();
            }

            @Override
            public RiskMatrixContribution next() {
                Nominal nominal = cases.next();
                // both cursors ascend by case ID: skip routings of cases not in this snapshot
                while ((pending == null || pending.caseId().compareTo(nominal.caseId()) < 0) && decided.hasNext()) {
                    pending = decided.next();
                }
                Routing routing = pending != null && pending.caseId().equals(nominal.caseId()) ? pending : null;
                return row(nominal, routing, weights, snapshotDay);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                .onClose(nominalRows::close)
                .onClose(routingRows::close);
    }

    static RiskMatrixContribution row(Nominal nominal, Routing routing, ReferenceData weights, LocalDate snapshotDay) {
        String ageBand = nominal.dateOfBirth() == null || nominal.dateOfBirth().isAfter(snapshotDay)
                ? AgeLadder.band((Integer) null, AgeLevel.FIVE_YEAR)
                : AgeLadder.band(nominal.dateOfBirth(), snapshotDay, AgeLevel.FIVE_YEAR);
        List<LocalDate> domesticAbuseDays = AfterDecision.domesticAbuseDays(nominal.incidentsOrEmpty(), snapshotDay);
        if (routing == null || routing.firstDecidedAt() == null) {
            return new RiskMatrixContribution(
                    nominal.caseId(),
                    ageBand,
                    nominal.area(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    null,
                    null,
                    null,
                    domesticAbuseDays);
        }
        LocalDate decided = LocalDate.ofInstant(routing.firstDecidedAt(), PeriodLadder.UK);
        LocalDate afterEnd = decided.plusMonths(FOLLOW_UP_MONTHS).minusDays(1);
        if (afterEnd.isAfter(snapshotDay)) {
            afterEnd = snapshotDay;
        }
        List<Incident> incidents = nominal.incidentsOrEmpty();
        long before =
                Scorer.harmBetween(weights, incidents, decided.minusMonths(FOLLOW_UP_MONTHS), decided.minusDays(1));
        long after = Scorer.harmBetween(weights, incidents, decided, afterEnd);
        LocalDate lastDay = afterEnd;
        int repeats = (int) incidents.stream()
                .filter(incident -> AfterDecision.within(incident, decided, lastDay))
                .count();
        int followed = (int)
                Math.min(FOLLOW_UP_MONTHS, Period.between(decided, snapshotDay).toTotalMonths());
        return new RiskMatrixContribution(
                nominal.caseId(),
                ageBand,
                nominal.area(),
                YearMonth.from(decided),
                routing.decidedRoute(),
                before,
                after,
                repeats,
                AfterDecision.repeatVictims(incidents, decided, lastDay),
                AfterDecision.justiceOutcomes(incidents, decided, lastDay),
                followed,
                AfterDecision.domesticAbuseCrimes(incidents, decided, lastDay),
                AfterDecision.positiveDisposals(incidents, decided, lastDay),
                AfterDecision.prosecutionsConcluded(incidents, decided, lastDay, false),
                AfterDecision.prosecutionsConcluded(incidents, decided, lastDay, true),
                domesticAbuseDays);
    }
}
