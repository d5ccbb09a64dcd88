package uk.dapp.programme.participant;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.team.CaseTeams;

/**
 * Records, reads, corrects and finds who the person of a case is. Reads and changes are for the
 * case's teams only (404 outside, audited); every access is audited, a search once per participant
 * it returned.
 */
@Service
public class ParticipantService {

    public static final String RESOURCE = "participant";

    private final MongoTemplate mongo;
    private final CaseTeams teams;
    private final AuditWriter audit;
    private final Clock clock;

    ParticipantService(MongoTemplate mongo, CaseTeams teams, AuditWriter audit, Clock clock) {
        this.mongo = mongo;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Keeps the identity that arrived with a referral, unless the case has one already (a correction
     * is never overwritten by a later referral); doing it twice does nothing. Unaudited: the referral
     * it came with is audited.
     */
    public void recordIfAbsent(String caseId, Identity identity, Source source) {
        if (identity == null || mongo.exists(Query.query(where("_id").is(caseId)), Participant.class)) {
            return;
        }
        try {
            mongo.insert(new Participant(
                    caseId,
                    identity.tidy(),
                    source,
                    clock.instant(),
                    CurrentUser.get().username(),
                    List.of(),
                    null));
        } catch (DuplicateKeyException recordedMeanwhile) {
            // a concurrent referral of the same case recorded it first: that one stands
        }
    }

    /**
     * The identities of these cases' participants, by case ID, where the programme holds one
     * (unaudited: the caller audits the list it serves).
     */
    public java.util.Map<String, Identity> identitiesOf(java.util.Collection<String> caseIds) {
        java.util.Map<String, Identity> found = new java.util.HashMap<>();
        mongo.find(Query.query(where("_id").in(caseIds)), Participant.class)
                .forEach(p -> found.put(p.caseId(), p.identity()));
        return found;
    }

    public Participant get(CaseId caseId) {
        Participant participant = load(caseId);
        audit.record(AuditAction.READ, participant.caseId(), RESOURCE, participant.caseId());
        return participant;
    }

    /**
     * Replaces the identity if nobody changed it since {@code expectedVersion} was read, keeping the
     * replaced one; records one (version 0) for a case of the caller's teams that has none.
     */
    public Participant correct(CaseId caseId, Identity identity, long expectedVersion, String reason) {
        identity.check("identity.", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "NotBlank", "say why the identity is corrected");
        }
        String id = caseId.value();
        teams.require(id, RESOURCE, id, notFound(id));
        String by = CurrentUser.get().username();
        Optional<Participant> current = Optional.ofNullable(mongo.findById(id, Participant.class));
        Participant saved;
        if (current.isEmpty()) {
            if (expectedVersion != 0) {
                throw new OptimisticLockingFailureException(
                        "case " + id + " has no identity recorded, not version " + expectedVersion);
            }
            try {
                saved = mongo.insert(
                        new Participant(id, identity.tidy(), Source.CORRECTION, clock.instant(), by, List.of(), null));
            } catch (DuplicateKeyException recordedMeanwhile) {
                throw new OptimisticLockingFailureException("an identity was recorded for case " + id + " meanwhile");
            }
            audit.record(AuditAction.CREATE, id, RESOURCE, id);
        } else {
            Participant found = current.get();
            if (found.version() == null || found.version() != expectedVersion) {
                throw new OptimisticLockingFailureException(
                        "participant " + id + " is at version " + found.version() + ", not " + expectedVersion);
            }
            saved = mongo.save(found.corrected(identity.tidy(), by, clock.instant(), reason.strip()));
            audit.record(AuditAction.UPDATE, id, RESOURCE, id);
        }
        return saved;
    }

    /**
     * A page of the participants of the caller's teams whose given or family name holds the fragment
     * and/or whose case ID is the one given, by family then given name; audited once per participant
     * on the page, with the query.
     */
    public Page<Participant> search(String nameFragment, String caseIdText, int page, int size) {
        if ((nameFragment == null || nameFragment.isBlank()) && caseIdText == null) {
            throw new RuleViolationException("name", "NameOrCaseId", "give a name fragment or a case ID");
        }
        List<Criteria> parts = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        parts.add(teams.visibleCases("_id"));
        if (nameFragment != null && !nameFragment.isBlank()) {
            String fragment = Pattern.quote(nameFragment.strip());
            parts.add(new Criteria()
                    .orOperator(
                            where("identity.givenName").regex(fragment, "i"),
                            where("identity.familyName").regex(fragment, "i")));
            asked.add("name=" + nameFragment.strip());
        }
        if (caseIdText != null) {
            String caseId = CaseId.parse(caseIdText).value();
            parts.add(where("_id").is(caseId));
            asked.add("caseId=" + caseId);
        }
        Query query = Query.query(new Criteria().andOperator(parts));
        long total = mongo.count(query, Participant.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by("identity.familyName", "identity.givenName", "_id"));
        List<Participant> found = mongo.find(query.with(pageable), Participant.class);
        audit.recordList(
                AuditAction.SEARCH,
                RESOURCE,
                found.stream().map(Participant::caseId).toList(),
                String.join("&", asked) + "&page=" + page + "&size=" + size);
        return new PageImpl<>(found, pageable, total);
    }

    /** The caller's teams among those holding the case (for a search result). */
    public List<String> callersTeamsOf(String caseId) {
        var scope = CaseTeams.scope();
        return teams.of(caseId).stream().filter(scope::covers).sorted().toList();
    }

    /**
     * Who the person of a case is recorded as, unaudited and unscoped: for the programme's own checks on a
     * referral the caller has already read (eligibility at assessment and enrolment), which audit themselves.
     */
    public Optional<Identity> identityOf(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Participant.class)).map(Participant::identity);
    }

    /** The participant of a case, unaudited and unscoped: for the subject access export, which audits itself. */
    public Optional<Participant> forExport(CaseId caseId) {
        return Optional.ofNullable(mongo.findById(caseId.value(), Participant.class));
    }

    private Participant load(CaseId caseId) {
        String id = caseId.value();
        teams.require(id, RESOURCE, id, notFound(id));
        Participant participant = mongo.findById(id, Participant.class);
        if (participant == null) {
            throw new NotFoundException(notFound(id));
        }
        return participant;
    }

    private static String notFound(String caseId) {
        return "No participant is recorded for case " + caseId;
    }
}
