package uk.dapp.programme.enrolment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.review.ReviewSchedule;
import uk.dapp.programme.team.TeamFacilitators;

/**
 * One-to-one cases on case managers' caseloads: enrolment onto one, reallocation to another, the place
 * freed at the end. A place is taken by one findAndModify whose query holds the programme's caseload
 * limit ({@code count < limit}), never by read-then-write, so concurrent enrolments cannot exceed it;
 * and only onto someone who works the case's team.
 */
@Service
public class CaseloadPlaces {

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final ReferralService referrals;
    private final Clock clock;
    private final TeamFacilitators facilitators;

    CaseloadPlaces(
            MongoTemplate mongo,
            Catalogue catalogue,
            ReferralService referrals,
            Clock clock,
            TeamFacilitators facilitators) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.referrals = referrals;
        this.clock = clock;
        this.facilitators = facilitators;
    }

    /**
     * Moves an enrolled one-to-one participant to another case manager's caseload. The new place is
     * taken first, by the same conditional update that holds the caseload limit (409 when full), then
     * the referral is saved with the reallocation in its history and the new case manager's notice
     * (optimistic locking: a concurrent change gives back the new place and answers 409), then the old
     * place is freed.
     */
    public Referral reallocate(String referralId, String caseManager, String reason, Long version) {
        if (caseManager == null || caseManager.isBlank()) {
            throw new RuleViolationException("caseManager", "NotBlank", "name the new case manager");
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolationException("reason", "NotBlank", "say why the case is reallocated");
        }
        Referral referral = referrals.load(referralId);
        referral.expectVersion(version);
        if (referral.caseManager() == null || !referral.status().isActive()) {
            throw new ConflictException(
                    "Only an enrolled one-to-one participant is reallocated to another case "
                            + "manager; a group participant is worked by the group's facilitators",
                    Map.of(
                            "rule",
                            "OneToOneOnly",
                            "currentStatus",
                            referral.status().name()));
        }
        String to = asUsername(caseManager);
        if (to.equals(referral.caseManager())) {
            throw new RuleViolationException(
                    "caseManager", "DifferentCaseManager", to + " is the case manager already");
        }
        requireTeamCaseManager(referral.team(), to);
        Programme programme = catalogue.get(referral.programmeCode());
        String newCaseload = takeCaseloadPlace(programme, to, referralId);
        String oldCaseload = Caseload.idOf(programme.code(), referral.caseManager());
        referral.reallocated(to, CurrentUser.get().username(), clock.instant(), reason.strip());
        Referral saved;
        try {
            saved = referrals.save(referral);
        } catch (RuntimeException e) {
            leaveCaseload(newCaseload, referralId);
            throw e;
        }
        leaveCaseload(oldCaseload, referralId);
        return saved;
    }

    /** Enrols a one-to-one referral onto the case manager's caseload, within the programme's limit (409 when full). */
    Referral enrol(Referral referral, Programme programme, String caseManager, Instant now) {
        if (caseManager == null || caseManager.isBlank()) {
            throw new RuleViolationException(
                    "caseManager",
                    "RequiredForOneToOneProgramme",
                    "a one-to-one programme enrols onto a case manager's caseload: name the case manager");
        }
        String manager = asUsername(caseManager);
        requireTeamCaseManager(referral.team(), manager);
        String referralId = referral.referralId();
        String id = takeCaseloadPlace(programme, manager, referralId);
        referral.enrolled(null, manager, now, ReviewSchedule.nextDue(now));
        try {
            return referrals.systemMove(referral, ReferralMachine.ENROL, "onto the caseload of " + manager);
        } catch (RuntimeException e) {
            leaveCaseload(id, referralId);
            throw e;
        }
    }

    /** A case manager's name as Keycloak keeps usernames (lower case), so it compares and is stored so. */
    private static String asUsername(String caseManager) {
        return caseManager.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A one-to-one case is worked by someone who can sign in and works its team: a caseload in any
     * other name would be in no one's caseload, its compliance review notices reaching no one.
     */
    private void requireTeamCaseManager(String team, String username) {
        if (!facilitators.includes(team, username)) {
            throw new RuleViolationException(
                    "caseManager",
                    "TeamFacilitator",
                    username + " is not a facilitator or service manager of team " + team
                            + ": choose one of the team's facilitators");
        }
    }

    /** Takes a place on the case manager's caseload of the programme, within its limit (409 when full); answers its ID. */
    private String takeCaseloadPlace(Programme programme, String caseManager, String referralId) {
        String id = Caseload.idOf(programme.code(), caseManager);
        if (!mongo.exists(query(where("_id").is(id)), Caseload.class)) {
            try {
                mongo.insert(new Caseload(id, programme.code(), caseManager, 0, List.of()));
            } catch (DuplicateKeyException raced) {
                // created concurrently: fine
            }
        }
        Caseload taken = mongo.findAndModify(
                query(where("_id")
                        .is(id)
                        .and("count")
                        .lt(programme.caseloadLimit())
                        .and("referralIds")
                        .ne(referralId)),
                new Update().inc("count", 1).push("referralIds", referralId),
                FindAndModifyOptions.options().returnNew(true),
                Caseload.class);
        if (taken == null) {
            throw new ConflictException(
                    caseManager + "'s caseload on " + programme.code() + " is full",
                    Map.of("caseManager", caseManager, "caseloadLimit", programme.caseloadLimit()));
        }
        return id;
    }

    /** Frees a closed referral's place on its case manager's caseload. */
    void leave(String programmeCode, String caseManager, String referralId) {
        leaveCaseload(Caseload.idOf(programmeCode, caseManager), referralId);
    }

    private void leaveCaseload(String id, String referralId) {
        mongo.findAndModify(
                query(where("_id").is(id).and("referralIds").is(referralId)),
                new Update().inc("count", -1).pull("referralIds", referralId),
                Caseload.class);
    }
}
