package uk.dapp.riskmatrix.nominal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.caseid.CaseIdGenerator;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.team.CaseScope;
import uk.dapp.riskmatrix.cohort.CohortRankings;
import uk.dapp.riskmatrix.referencedata.ReferenceDataService;
import uk.dapp.riskmatrix.scoring.Scorer;
import uk.dapp.riskmatrix.values.RoutingStatus;
import uk.dapp.riskmatrix.values.Score;
import uk.dapp.riskmatrix.values.ScoreHistoryEntry;

/**
 * Registers, reads, corrects and searches nominals; every access is audited. Every write after
 * registration is a targeted single-document update conditional on the version read, so a
 * concurrent change answers 409 and fields owned by other features (score, routing status) are
 * never overwritten with stale copies.
 */
@Service
public class NominalService {

    static final String RESOURCE = "nominal";

    /** The rule a nominal registered outside the caller's areas breaks. */
    public static final String OWN_AREA = "OwnArea";

    private final NominalRepository nominals;
    private final MongoTemplate mongo;
    private final CaseIdGenerator caseIds;
    private final AuditWriter audit;
    private final ReferenceDataService referenceData;
    private final CohortRankings rankings;
    private final Clock clock;

    NominalService(
            NominalRepository nominals,
            MongoTemplate mongo,
            CaseIdGenerator caseIds,
            AuditWriter audit,
            ReferenceDataService referenceData,
            CohortRankings rankings,
            Clock clock) {
        this.nominals = nominals;
        this.mongo = mongo;
        this.caseIds = caseIds;
        this.audit = audit;
        this.referenceData = referenceData;
        this.rankings = rankings;
        this.clock = clock;
    }

    /** Opens a case for a new nominal; the same police identifier twice is refused, naming the case it belongs to. */
    public Nominal register(NominalRegistration registration) {
        LocalDate today = LocalDate.now(clock);
        registration.check(today);
        if (!scope().covers(registration.area())) {
            // a nominal registered outside the caller's areas would be one they could never read again
            throw new RuleViolationException(
                    "area", OWN_AREA, "must be one of the areas your teams cover: " + scope().names());
        }
        nominals.findByPoliceId(registration.policeId()).ifPresent(NominalService::refuseDuplicate);
        Score score =
                Scorer.score(referenceData.current(), registration.dateOfBirth(), List.of(), today, clock.instant());
        Nominal nominal = new Nominal(
                caseIds.next().value(),
                registration.givenName().strip(),
                registration.familyName().strip(),
                registration.dateOfBirth(),
                registration.policeId(),
                registration.probationId(),
                registration.area().strip(),
                registration.sex(),
                clock.instant(),
                CurrentUser.get().username(),
                List.of(),
                score,
                List.of(score.historyEntry(ScoreHistoryEntry.REGISTERED)),
                RoutingStatus.AWAITING_DECISION,
                null);
        Nominal stored;
        try {
            stored = nominals.insert(nominal);
        } catch (DuplicateKeyException raced) {
            // another request registered the same police identifier between our check and our insert
            nominals.findByPoliceId(registration.policeId()).ifPresent(NominalService::refuseDuplicate);
            throw raced;
        }
        rankings.refresh(stored.caseId());
        audit.record(AuditAction.CREATE, stored.caseId(), RESOURCE, stored.caseId());
        return stored;
    }

    public Nominal get(CaseId caseId) {
        Nominal nominal = load(caseId);
        audit.record(AuditAction.READ, nominal.caseId(), RESOURCE, nominal.caseId());
        return nominal;
    }

    /**
     * The whole document, unaudited: for other features of this service, which audit their own access.
     * A nominal outside the caller's areas is not found, and the refusal is audited (ADR 0012).
     */
    public Nominal load(CaseId caseId) {
        Nominal nominal = nominals.findById(caseId.value())
                .orElseThrow(() -> new NotFoundException("No nominal has case ID " + caseId.value()));
        return inScope(nominal);
    }

    /** The caller's areas: offender managers, facilitators and service managers see the nominals in them. */
    public static CaseScope scope() {
        return CaseScope.areasOf(CurrentUser.get());
    }

    /** Which of these cases are nominals in the caller's areas; unaudited: the caller audits what it shows. */
    public Set<String> inCallersAreas(Collection<String> caseIds) {
        CaseScope scope = scope();
        if (scope.isEverything()) {
            return Set.copyOf(caseIds);
        }
        Query query =
                Query.query(new Criteria().andOperator(Criteria.where("_id").in(caseIds), scope.criteria("area")));
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Nominal.class)).stream()
                .map(d -> d.getString("_id"))
                .collect(Collectors.toSet());
    }

    private Nominal inScope(Nominal nominal) {
        scope().require(
                        nominal.area(),
                        audit,
                        nominal.caseId(),
                        RESOURCE,
                        nominal.caseId(),
                        "No nominal has case ID " + nominal.caseId());
        return nominal;
    }

    /** The nominal without its incidents and score explanation, unaudited. */
    public Nominal loadSummary(CaseId caseId) {
        Query query = Query.query(Criteria.where("_id").is(caseId.value()));
        withoutDetail(query);
        Nominal nominal = mongo.findOne(query, Nominal.class);
        if (nominal == null) {
            throw new NotFoundException("No nominal has case ID " + caseId.value());
        }
        return inScope(nominal);
    }

    /**
     * Corrects a nominal's details if nobody changed it since the caller read {@code expectedVersion};
     * a changed date of birth rescores it (the serial flag depends on age).
     */
    public Nominal update(CaseId caseId, NominalDetails details) {
        NominalRegistration changed = details.registration();
        LocalDate today = LocalDate.now(clock);
        changed.check(today);
        Nominal current = load(caseId);
        if (current.version() == null || current.version() != details.expectedVersion()) {
            throw new OptimisticLockingFailureException("nominal " + caseId.value() + " is at version "
                    + current.version() + ", not " + details.expectedVersion());
        }
        Optional<Nominal> holder = nominals.findByPoliceId(changed.policeId());
        if (holder.isPresent() && !holder.get().caseId().equals(current.caseId())) {
            refuseDuplicate(holder.get());
        }
        Update update = new Update()
                .set("givenName", changed.givenName().strip())
                .set("familyName", changed.familyName().strip())
                .set("dateOfBirth", changed.dateOfBirth())
                .set("policeId", changed.policeId())
                .set("probationId", changed.probationId())
                .set("area", changed.area().strip())
                .set("sex", changed.sex())
                .inc("version", 1);
        if (!changed.dateOfBirth().equals(current.dateOfBirth())) {
            Score score = Scorer.score(
                    referenceData.current(), changed.dateOfBirth(), current.incidentsOrEmpty(), today, clock.instant());
            update.set("score", score).push("scoreHistory", score.historyEntry(ScoreHistoryEntry.DETAILS_CORRECTED));
        }
        Nominal updated = mongo.findAndModify(
                Query.query(Criteria.where("_id")
                        .is(current.caseId())
                        .and("version")
                        .is(current.version())),
                update,
                FindAndModifyOptions.options().returnNew(true),
                Nominal.class);
        if (updated == null) {
            throw new OptimisticLockingFailureException("nominal " + caseId.value() + " changed concurrently");
        }
        rankings.refresh(updated.caseId());
        audit.record(AuditAction.UPDATE, updated.caseId(), RESOURCE, updated.caseId());
        return updated;
    }

    /**
     * Copies the routing decision's status onto the nominal, for the cohort filter: the one field of
     * this document the routing side changes, and it changes it only through here (so the cohort line
     * follows the routing, first decision included). Unaudited: the routing change that causes it is audited.
     */
    public void routingStatusChanged(String caseId, RoutingStatus status) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(caseId)),
                new Update().set("routingStatus", status),
                Nominal.class);
        rankings.refresh(caseId);
    }

    /**
     * A page of nominals in the caller's areas matching every given part of the search, by family then
     * given name; audited once per nominal returned, with the query.
     */
    public Page<Nominal> search(NominalSearch search, int page, int size) {
        List<Criteria> parts = new ArrayList<>();
        CaseScope scope = scope();
        if (!scope.isEverything()) {
            parts.add(scope.criteria("area"));
        }
        if (search.dateOfBirth() != null) {
            parts.add(Criteria.where("dateOfBirth").is(search.dateOfBirth()));
        }
        if (search.nameFragment() != null) {
            String fragment = Pattern.quote(search.nameFragment().strip());
            parts.add(new Criteria()
                    .orOperator(
                            Criteria.where("givenName").regex(fragment, "i"),
                            Criteria.where("familyName").regex(fragment, "i")));
        }
        if (search.identifier() != null) {
            String exact = "^" + Pattern.quote(search.identifier().strip()) + "$";
            parts.add(new Criteria()
                    .orOperator(
                            Criteria.where("policeId").regex(exact, "i"),
                            Criteria.where("probationId").regex(exact, "i")));
        }
        if (search.area() != null) {
            parts.add(Criteria.where("area")
                    .regex("^" + Pattern.quote(search.area().strip()) + "$", "i"));
        }
        if (search.serial() != null) {
            parts.add(Criteria.where("score.serial").is(search.serial()));
        }
        Query query = parts.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(parts));
        long total = mongo.count(query, Nominal.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by("familyName", "givenName", "_id"));
        query.with(pageable);
        withoutDetail(query);
        List<Nominal> found = mongo.find(query, Nominal.class);
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                found.stream().map(Nominal::caseId).toList(),
                search.describe() + "&page=" + page + "&size=" + size);
        return new PageImpl<>(found, pageable, total);
    }

    /** Leaves the incident history, the explanation and the score history out of a read. */
    public static void withoutDetail(Query query) {
        query.fields().exclude("incidents").exclude("scoreHistory").exclude("score.incidents");
    }

    private static void refuseDuplicate(Nominal existing) {
        throw new ConflictException(
                "A nominal with this police identifier is already registered",
                Map.of("existingCaseId", existing.caseId()));
    }
}
