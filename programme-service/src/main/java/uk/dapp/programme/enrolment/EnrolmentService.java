package uk.dapp.programme.enrolment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import uk.dapp.platform.problem.ConflictException;
import uk.dapp.platform.problem.NotFoundException;
import uk.dapp.platform.problem.RuleViolationException;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.status.StatusMachine;
import uk.dapp.platform.team.TakingTeam;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.catalogue.Programme;
import uk.dapp.programme.catalogue.ProgrammeType;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralMachine;
import uk.dapp.programme.referral.ReferralService;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.review.ReviewSchedule;
import uk.dapp.programme.team.CaseTeams;

/**
 * Groups and enrolment; a one-to-one case goes onto a caseload through {@link CaseloadPlaces}. A place
 * in a group is taken by one findAndModify whose query holds the limit ({@code count < limit}), never
 * by read-then-write, so concurrent enrolments cannot exceed it; a referral that finds a group full
 * joins its waiting list in order.
 */
@Service
public class EnrolmentService {

    static final String GROUP_RESOURCE = "group";
    static final String TEAM_RESOURCE = "team";

    private final MongoTemplate mongo;
    private final GroupRepository groups;
    private final Catalogue catalogue;
    private final ReferralService referrals;
    private final AuditWriter audit;
    private final Clock clock;
    private final CaseloadPlaces caseloads;

    EnrolmentService(
            MongoTemplate mongo,
            GroupRepository groups,
            Catalogue catalogue,
            ReferralService referrals,
            AuditWriter audit,
            Clock clock,
            CaseloadPlaces caseloads) {
        this.mongo = mongo;
        this.groups = groups;
        this.catalogue = catalogue;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
        this.caseloads = caseloads;
    }

    public Group createGroup(
            String programmeCode,
            String name,
            LocalDate startsOn,
            Integer capacity,
            List<String> facilitators,
            String team) {
        String runningTeam = TakingTeam.choose(CurrentUser.get(), team, "team");
        Programme programme = catalogue.known(programmeCode, "programmeCode");
        if (programme.type() != ProgrammeType.GROUP) {
            throw new RuleViolationException(
                    "programmeCode", "GroupProgramme", programmeCode + " is a one-to-one programme: it has no groups");
        }
        Capacity places = Capacity.ofGroup(capacity, programme.groupCapacity());
        Group group = groups.insert(new Group(
                UUID.randomUUID().toString(),
                programmeCode,
                name,
                startsOn,
                places.limit(),
                List.of(),
                List.of(),
                facilitators == null ? List.of() : List.copyOf(facilitators),
                0,
                CurrentUser.get().username(),
                clock.instant(),
                runningTeam));
        audit.record(AuditAction.CREATE, null, GROUP_RESOURCE, group.groupId());
        return group;
    }

    public Group getGroup(String groupId) {
        Group group = find(groupId);
        audit.record(AuditAction.READ, null, GROUP_RESOURCE, groupId);
        return group;
    }

    /**
     * The groups run by the caller's teams, soonest start first, optionally of one programme. Groups
     * carry no case data: one audit record, with the query.
     */
    public Page<Group> groups(String programmeCode, int page, int size) {
        Criteria criteria = CaseTeams.scope().criteria("team");
        if (programmeCode != null) {
            criteria =
                    new Criteria().andOperator(criteria, where("programmeCode").is(programmeCode));
        }
        Query listed = query(criteria);
        long total = mongo.count(listed, Group.class);
        listed.with(Sort.by("startsOn", "name", "_id")).skip((long) page * size).limit(size);
        List<Group> found = mongo.find(listed, Group.class);
        audit.recordList(
                AuditAction.SEARCH,
                GROUP_RESOURCE,
                List.of(),
                (programmeCode == null ? "" : "programmeCode=" + programmeCode + "&") + "page=" + page + "&size="
                        + size);
        return new PageImpl<>(found, PageRequest.of(page, size), total);
    }

    /** Every group of the caller's teams, unaudited (for "my work", which audits what it serves). */
    public List<Group> allGroups() {
        return mongo.find(query(CaseTeams.scope().criteria("team")), Group.class);
    }

    /** The group, unaudited; a group of a team the caller is not in is not found, the refusal audited. */
    public Group find(String groupId) {
        Group group = findAnyTeam(groupId);
        CaseTeams.scope().require(group.team(), audit, null, GROUP_RESOURCE, groupId, "No group " + groupId);
        return group;
    }

    private Group findAnyTeam(String groupId) {
        return groups.findById(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId));
    }

    /**
     * Enrols a suitable (or wait-listed) referral into a group or onto a case manager's caseload, if the
     * programme takes the person as recorded now (409 rule {@code Eligibility} otherwise).
     */
    public Referral enrol(String referralId, String groupId, String caseManager) {
        Referral referral = referrals.load(referralId);
        // refuses with 409 naming the allowed moves unless the referral is suitable or wait-listed
        ReferralMachine.MACHINE.next(referral.status(), ReferralMachine.ENROL, StatusMachine.Actor.SYSTEM);
        Programme programme = catalogue.get(referral.programmeCode());
        referrals.requireEligible(referral, programme, "enrolment");
        Instant now = clock.instant();
        if (programme.type() == ProgrammeType.GROUP) {
            return enrolInGroup(referral, groupId, now);
        }
        return caseloads.enrol(referral, programme, caseManager, now);
    }

    private Referral enrolInGroup(Referral referral, String groupId, Instant now) {
        if (groupId == null) {
            throw new RuleViolationException(
                    "groupId", "RequiredForGroupProgramme", "a group programme enrols into a group: name it");
        }
        // a group of another team is not found, the same as an unknown one, and the refusal audited (ADR 0012)
        Group group = find(groupId);
        if (!group.programmeCode().equals(referral.programmeCode())) {
            throw new RuleViolationException(
                    "groupId",
                    "SameProgramme",
                    "the group runs " + group.programmeCode() + ", the referral is to " + referral.programmeCode());
        }
        String referralId = referral.referralId();
        Group placed = mongo.findAndModify(
                query(where("_id")
                        .is(groupId)
                        .and("enrolledCount")
                        .lt(group.capacity())
                        .and("members")
                        .ne(referralId)),
                new Update().inc("enrolledCount", 1).push("members", referralId).pull("waitingList", referralId),
                FindAndModifyOptions.options().returnNew(true),
                Group.class);
        if (placed != null) {
            referral.enrolled(groupId, null, now, ReviewSchedule.nextDue(now));
            try {
                return referrals.systemMove(referral, ReferralMachine.ENROL, "place in group " + group.name());
            } catch (RuntimeException e) {
                leaveGroup(groupId, referralId);
                throw e;
            }
        }
        if (referral.status() == ReferralStatus.WAITING_LIST) {
            throw new ConflictException(
                    "The group is still full; the referral keeps its place on the waiting list",
                    Map.of("capacity", group.capacity()));
        }
        mongo.updateFirst(
                query(where("_id").is(groupId).and("waitingList").ne(referralId)),
                new Update().push("waitingList", referralId),
                Group.class);
        referral.enrolled(groupId, null, null, null);
        try {
            return referrals.systemMove(referral, ReferralMachine.WAIT_LIST, "group " + group.name() + " is full");
        } catch (RuntimeException e) {
            mongo.updateFirst(
                    query(where("_id").is(groupId)), new Update().pull("waitingList", referralId), Group.class);
            throw e;
        }
    }

    /** Frees what a closed referral held: its group place (offered to the first on the waiting list) or caseload slot. */
    public void release(Referral referral) {
        if (referral.groupId() != null) {
            boolean wasMember = leaveGroup(referral.groupId(), referral.referralId());
            mongo.updateFirst(
                    query(where("_id").is(referral.groupId())),
                    new Update().pull("waitingList", referral.referralId()),
                    Group.class);
            if (wasMember) {
                offerFreedPlace(referral.groupId());
            }
        }
        if (referral.caseManager() != null) {
            caseloads.leave(referral.programmeCode(), referral.caseManager(), referral.referralId());
        }
    }

    private boolean leaveGroup(String groupId, String referralId) {
        return mongo.findAndModify(
                        query(where("_id").is(groupId).and("members").is(referralId)),
                        new Update().inc("enrolledCount", -1).pull("members", referralId),
                        Group.class)
                != null;
    }

    /** The first on the waiting list takes a freed place (best effort: a failure leaves them waiting). */
    private void offerFreedPlace(String groupId) {
        Group group = findAnyTeam(groupId);
        List<String> waiting = new ArrayList<>(group.waitingList());
        for (String next : waiting) {
            Referral candidate = referrals.loadAnyTeam(next);
            if (candidate.status() != ReferralStatus.WAITING_LIST) {
                continue;
            }
            try {
                enrolInGroup(candidate, groupId, clock.instant());
            } catch (ConflictException full) {
                // someone took the place first
            }
            return;
        }
    }
}
