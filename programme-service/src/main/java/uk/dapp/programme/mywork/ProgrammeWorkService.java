package uk.dapp.programme.mywork;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.security.CurrentUser;
import uk.dapp.platform.security.Roles;
import uk.dapp.programme.alert.Alert;
import uk.dapp.programme.alert.AlertService;
import uk.dapp.programme.caseload.ViewsService;
import uk.dapp.programme.enrolment.EnrolmentService;
import uk.dapp.programme.enrolment.FacilitatorLoad;
import uk.dapp.programme.enrolment.Group;
import uk.dapp.programme.mywork.ProgrammeWork.CaseloadItem;
import uk.dapp.programme.mywork.ProgrammeWork.GroupLoad;
import uk.dapp.programme.mywork.ProgrammeWork.ReviewItem;
import uk.dapp.programme.mywork.ProgrammeWork.SessionItem;
import uk.dapp.programme.mywork.ProgrammeWork.Waiting;
import uk.dapp.programme.participant.Identity;
import uk.dapp.programme.participant.ParticipantService;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.referral.ReferralStatus;
import uk.dapp.programme.review.ReviewSchedule;
import uk.dapp.programme.session.Session;
import uk.dapp.programme.session.SessionService;
import uk.dapp.programme.team.CaseTeams;

/**
 * "My work" for facilitators and service managers (issue 16 items 3 and 4): the lists a day starts
 * from, of the caller's teams only, each sorted by what is due with the overdue first, read from the
 * features that own them. Every case served is audited, once per list it appears in, with the list's
 * name as the query (ADR 0012).
 */
@Service
public class ProgrammeWorkService {

    static final String RESOURCE = "my-work";
    /** Reviews coming up within this long are listed beside the overdue ones. */
    static final Duration REVIEWS_AHEAD = Duration.ofDays(7);

    private static final List<String> AWAITING =
            List.of(ReferralStatus.REFERRED.name(), ReferralStatus.MOTIVATIONAL_WORK.name());

    private final MongoTemplate mongo;
    private final ViewsService views;
    private final AlertService alerts;
    private final EnrolmentService enrolment;
    private final SessionService sessions;
    private final ParticipantService participants;
    private final AuditWriter audit;
    private final Clock clock;

    ProgrammeWorkService(
            MongoTemplate mongo,
            ViewsService views,
            AlertService alerts,
            EnrolmentService enrolment,
            SessionService sessions,
            ParticipantService participants,
            AuditWriter audit,
            Clock clock) {
        this.mongo = mongo;
        this.views = views;
        this.alerts = alerts;
        this.enrolment = enrolment;
        this.sessions = sessions;
        this.participants = participants;
        this.audit = audit;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public ProgrammeWork work(int limit) {
        Instant now = clock.instant();
        String me = CurrentUser.get().username();
        List<ViewsService.CaseloadEntry> mine = views.caseloadEntries();
        Map<String, Identity> identities = participants.identitiesOf(caseIdsOf(
                mine.stream().map(ViewsService.CaseloadEntry::referral).toList()));

        List<CaseloadItem> caseload = new ArrayList<>(mine.stream()
                .map(e -> new CaseloadItem(
                        e.referral(),
                        identities.get(e.referral().caseId()),
                        e.nextSessionAt(),
                        e.reviewOverdue(),
                        e.openAlerts(),
                        e.overdueAlerts()))
                .toList());
        caseload.sort(WorkOrder.CASELOAD);

        List<SessionItem> week = sessionsThisWeek(me, mine, now);

        List<Waiting> waiting = awaitingAssessment();
        identities.putAll(participants.identitiesOf(
                caseIdsOf(waiting.stream().map(Waiting::referral).toList())));
        waiting = waiting.stream()
                .map(w -> new Waiting(w.referral(), identities.get(w.referral().caseId()), w.since()))
                .toList();

        List<ReviewItem> reviews = mine.stream()
                .map(ViewsService.CaseloadEntry::referral)
                .filter(r -> r.status().isActive()
                        && r.nextReviewDue() != null
                        && r.nextReviewDue().isBefore(now.plus(REVIEWS_AHEAD)))
                .sorted(Comparator.comparing(Referral::nextReviewDue))
                .map(r ->
                        new ReviewItem(r, identities.get(r.caseId()), ReviewSchedule.isOverdue(r.nextReviewDue(), now)))
                .toList();

        List<Alert> open = alerts.openVisible();
        Set<String> myCases = caseIdsOf(
                mine.stream().map(ViewsService.CaseloadEntry::referral).toList());
        List<Alert> onMyCases =
                open.stream().filter(a -> myCases.contains(a.caseId())).toList();

        Section<CaseloadItem> caseloadSection =
                Section.of(caseload, item -> item.overdueAlerts() > 0 || item.reviewOverdue(), limit);
        Section<SessionItem> sessionSection = Section.of(week, limit);
        Section<Waiting> waitingSection = Section.of(waiting, limit);
        Section<ReviewItem> reviewSection = Section.of(reviews, ReviewItem::overdue, limit);
        Section<Alert> alertSection = Section.of(onMyCases, a -> a.isOverdue(now), limit);
        audited(
                "caseload",
                caseloadSection.items().stream().map(i -> i.referral().caseId()));
        audited(
                "sessionsThisWeek",
                sessionSection.items().stream().map(SessionItem::caseId).filter(java.util.Objects::nonNull));
        audited(
                "awaitingAssessment",
                waitingSection.items().stream().map(w -> w.referral().caseId()));
        audited("reviews", reviewSection.items().stream().map(r -> r.referral().caseId()));
        audited("alerts", alertSection.items().stream().map(Alert::caseId));

        if (!CurrentUser.get().hasRole(Roles.SERVICE_MANAGER)) {
            return new ProgrammeWork(
                    now,
                    caseloadSection,
                    sessionSection,
                    waitingSection,
                    reviewSection,
                    alertSection,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        List<Referral> teamReferrals = mongo.find(
                query(where("status")
                        .in(ReferralStatus.onACaseload())
                        .andOperator(CaseTeams.scope().criteria("team"))),
                Referral.class);
        List<ReviewItem> overdueReviews = teamReferrals.stream()
                .filter(r -> r.status().isActive() && ReviewSchedule.isOverdue(r.nextReviewDue(), now))
                .sorted(Comparator.comparing(Referral::nextReviewDue))
                .map(r -> new ReviewItem(r, null, true))
                .toList();
        identities.putAll(participants.identitiesOf(
                caseIdsOf(overdueReviews.stream().map(ReviewItem::referral).toList())));
        overdueReviews = overdueReviews.stream()
                .map(r ->
                        new ReviewItem(r.referral(), identities.get(r.referral().caseId()), true))
                .toList();
        List<Group> groups = enrolment.allGroups();
        List<GroupLoad> groupLoads = groups.stream()
                .map(g -> new GroupLoad(
                        g,
                        Math.max(0, g.capacity() - g.enrolledCount()),
                        g.waitingList().size()))
                .sorted(WorkOrder.GROUPS)
                .toList();

        Section<Alert> toReview = Section.of(open, a -> a.isOverdue(now), limit);
        List<Alert> escalated = open.stream()
                .filter(a -> a.escalatedAt() != null)
                .sorted(Comparator.comparing(Alert::escalatedAt))
                .toList();
        Section<Alert> escalations = Section.of(escalated, a -> true, limit);
        Section<ReviewItem> overdueSection = Section.of(overdueReviews, ReviewItem::overdue, limit);
        audited("alertsToReview", toReview.items().stream().map(Alert::caseId));
        audited("escalations", escalations.items().stream().map(Alert::caseId));
        audited(
                "overdueReviews",
                overdueSection.items().stream().map(r -> r.referral().caseId()));
        // groups and caseloads are counts: no case is read
        return new ProgrammeWork(
                now,
                caseloadSection,
                sessionSection,
                waitingSection,
                reviewSection,
                alertSection,
                toReview,
                escalations,
                overdueSection,
                Section.of(groupLoads, limit),
                Section.of(
                        FacilitatorLoad.countedFrom(teamReferrals, groups, now).values().stream()
                                .sorted(FacilitatorLoad.LARGEST_FIRST)
                                .toList(),
                        limit));
    }

    /**
     * The queue of referrals of the caller's teams waiting for an assessment, longest waiting first, a
     * page at a time; every case listed is audited.
     */
    public Page<Waiting> awaitingAssessment(int page, int size) {
        List<Waiting> all = awaitingAssessment();
        List<Waiting> items = all.stream().skip((long) page * size).limit(size).toList();
        Map<String, Identity> identities = participants.identitiesOf(
                caseIdsOf(items.stream().map(Waiting::referral).toList()));
        audited(
                "awaitingAssessment&page=" + page + "&size=" + size,
                items.stream().map(w -> w.referral().caseId()));
        return new PageImpl<>(
                items.stream()
                        .map(w -> new Waiting(
                                w.referral(), identities.get(w.referral().caseId()), w.since()))
                        .toList(),
                PageRequest.of(page, size),
                all.size());
    }

    private List<Waiting> awaitingAssessment() {
        return mongo
                .find(
                        query(where("status")
                                .in(AWAITING)
                                .andOperator(CaseTeams.scope().criteria("team"))),
                        Referral.class)
                .stream()
                .map(r -> new Waiting(r, null, waitingSince(r)))
                .sorted(Comparator.comparing(Waiting::since)
                        .thenComparing(w -> w.referral().referralId()))
                .toList();
    }

    /** Since the move into its current status: the referral, or its last assessment for motivational work. */
    private static Instant waitingSince(Referral referral) {
        var history = referral.history();
        return history.isEmpty()
                ? referral.createdAt()
                : history.get(history.size() - 1).at();
    }

    private List<SessionItem> sessionsThisWeek(String me, List<ViewsService.CaseloadEntry> mine, Instant now) {
        Map<String, Group> myGroups = enrolment.allGroups().stream()
                .filter(g -> g.facilitators().contains(me))
                .collect(Collectors.toMap(Group::groupId, Function.identity()));
        Map<String, Referral> oneToOne = mine.stream()
                .map(ViewsService.CaseloadEntry::referral)
                .filter(r -> me.equals(r.caseManager()))
                .collect(Collectors.toMap(Referral::referralId, Function.identity(), (a, b) -> a));
        List<Session> week = sessions.scheduledBetween(
                WorkOrder.weekStart(now), WorkOrder.weekEnd(now), myGroups.keySet(), oneToOne.keySet());
        Map<String, Integer> marked =
                sessions.markedCounts(week.stream().map(Session::sessionId).toList());
        return week.stream()
                .map(s -> {
                    Group group = s.groupId() == null ? null : myGroups.get(s.groupId());
                    Referral participant = s.referralId() == null ? null : oneToOne.get(s.referralId());
                    return new SessionItem(
                            s,
                            group == null ? null : group.name(),
                            participant == null ? null : participant.caseId(),
                            group == null ? 1 : group.members().size(),
                            marked.getOrDefault(s.sessionId(), 0));
                })
                .toList();
    }

    private void audited(String list, java.util.stream.Stream<String> caseIds) {
        audit.recordList(AuditAction.SEARCH, RESOURCE, caseIds.toList(), list);
    }

    private static Set<String> caseIdsOf(Collection<Referral> referrals) {
        Set<String> ids = new HashSet<>();
        referrals.forEach(r -> ids.add(r.caseId()));
        return ids;
    }
}
