package uk.dapp.riskmatrix.nominal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.outbox.OutboxEntry;
import uk.dapp.platform.problem.FieldViolation;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.referencedata.ReferenceData;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.CourtOutcome;
import uk.dapp.riskmatrix.values.Incident;
import uk.dapp.riskmatrix.values.Outcome;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/**
 * Records incidents. Adding one rescores the nominal in the same single-document write
 * (incident, score and score history together, conditional on the version read): a concurrent
 * change to the same nominal is retried a few times on fresh data, then answered 409.
 */
@Service
public class IncidentService {

    static final String RESOURCE = "incident";
    private static final int ATTEMPTS = 3;

    public record Added(Incident incident, Score score) {}

    private final NominalService nominals;
    private final ReferenceDataService referenceData;
    private final MongoTemplate mongo;
    private final AuditWriter audit;
    private final CohortRankings rankings;
    private final Clock clock;

    IncidentService(
            NominalService nominals,
            ReferenceDataService referenceData,
            MongoTemplate mongo,
            AuditWriter audit,
            CohortRankings rankings,
            Clock clock) {
        this.nominals = nominals;
        this.referenceData = referenceData;
        this.mongo = mongo;
        this.audit = audit;
        this.rankings = rankings;
        this.clock = clock;
    }

    public Added add(CaseId caseId, NewIncident recorded) {
        LocalDate today = LocalDate.now(clock);
        Incident incident = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Nominal nominal = nominals.load(caseId);
            ReferenceData weights = referenceData.current();
            recorded.check(today, nominal.dateOfBirth(), weights);
            if (incident == null) {
                incident = new Incident(
                        UUID.randomUUID().toString(),
                        recorded.date(),
                        recorded.type(),
                        recorded.offenceCode(),
                        recorded.victimKey().strip(),
                        recorded.dashLevel(),
                        recorded.crime(),
                        recorded.outcome(),
                        clock.instant(),
                        CurrentUser.get().username());
            }
            List<Incident> history = new ArrayList<>(nominal.incidentsOrEmpty());
            history.add(incident);
            Score score = Scorer.score(weights, nominal.dateOfBirth(), history, today, clock.instant());
            Update update = new Update()
                    .push("incidents", incident)
                    .set("score", score)
                    .push("scoreHistory", score.historyEntry(ScoreHistoryEntry.INCIDENT_ADDED))
                    .inc("version", 1);
            if (PoliceIncidentAlert.worthTelling(nominal.routingStatus())) {
                // in the same write: the incident's ID is the message's, and the nominal's version orders
                // its messages (every write raises it)
                update.push(
                        OutboxEntry.FIELD,
                        PoliceIncidentAlert.TYPE.entry(
                                incident.incidentId(),
                                PoliceIncidentAlert.of(nominal.caseId(), incident),
                                clock.instant(),
                                nominal.version()));
            }
            long matched = mongo.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(nominal.caseId())
                                    .and("version")
                                    .is(nominal.version())),
                            update,
                            Nominal.class)
                    .getMatchedCount();
            if (matched == 1) {
                rankings.refresh(nominal.caseId());
                audit.record(AuditAction.CREATE, nominal.caseId(), RESOURCE, incident.incidentId());
                return new Added(incident, score);
            }
        }
        throw new OptimisticLockingFailureException("nominal " + caseId.value() + " kept changing concurrently");
    }

    /**
     * Records (or replaces) the court outcome of a charged incident, in one write conditional on the
     * version read, retried on fresh data a few times when the nominal changes meanwhile. The score
     * does not change.
     *
     * @throws RuleViolationException when the incident was not charged, or the day is in the future or
     *     before the incident; nothing is stored then
     */
    public Incident recordCourtOutcome(CaseId caseId, String incidentId, CourtOutcome outcome, LocalDate decidedOn) {
        LocalDate today = LocalDate.now(clock);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Nominal nominal = nominals.load(caseId);
            List<Incident> history = new ArrayList<>(nominal.incidentsOrEmpty());
            int at = -1;
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).incidentId().equals(incidentId)) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new NotFoundException("No incident " + incidentId + " on nominal " + nominal.caseId());
            }
            Incident incident = history.get(at);
            List<FieldViolation> violations = new ArrayList<>();
            if (incident.outcome() != Outcome.CHARGED) {
                violations.add(new FieldViolation(
                        "outcome",
                        "AfterCharge",
                        "a court outcome follows a charge; this " + "incident's police outcome is "
                                + incident.outcome()));
            }
            if (decidedOn.isAfter(today)) {
                violations.add(
                        new FieldViolation("decidedOn", "NotFuture", "a court outcome cannot be dated in the future"));
            } else if (decidedOn.isBefore(incident.date())) {
                violations.add(new FieldViolation(
                        "decidedOn",
                        "NotBeforeIncident",
                        "a court outcome cannot come before the incident (" + incident.date() + ")"));
            }
            if (!violations.isEmpty()) {
                throw new RuleViolationException(violations);
            }
            Incident decided = incident.withCourtOutcome(outcome, decidedOn);
            history.set(at, decided);
            long matched = mongo.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(nominal.caseId())
                                    .and("version")
                                    .is(nominal.version())),
                            new Update().set("incidents", history).inc("version", 1),
                            Nominal.class)
                    .getMatchedCount();
            if (matched == 1) {
                audit.record(AuditAction.UPDATE, nominal.caseId(), RESOURCE, incidentId, "court outcome");
                return decided;
            }
        }
        throw new OptimisticLockingFailureException("nominal " + caseId.value() + " kept changing concurrently");
    }

    /** The incident history, newest first. */
    public List<Incident> list(CaseId caseId) {
        Nominal nominal = nominals.load(caseId);
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, null);
        List<Incident> incidents = new ArrayList<>(nominal.incidentsOrEmpty());
        incidents.sort(Comparator.comparing(Incident::date)
                .thenComparing(Incident::recordedAt)
                .reversed());
        return incidents;
    }
}
