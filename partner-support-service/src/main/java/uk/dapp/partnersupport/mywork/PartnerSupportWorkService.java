package uk.dapp.partnersupport.mywork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import uk.dapp.partnersupport.common.PartnerSupportProperties;
import uk.dapp.partnersupport.common.Times;
import uk.dapp.partnersupport.marac.MaracRules;
import uk.dapp.partnersupport.marac.OpenMaracReferrals;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.FirstContact;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.MaracMeeting;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.PlanReview;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.Section;
import uk.dapp.partnersupport.mywork.PartnerSupportWork.TrackDue;
import uk.dapp.partnersupport.mywork.TrackDueRules.Due;
import uk.dapp.partnersupport.safetyplan.SafetyPlan;
import uk.dapp.partnersupport.safetyplan.SafetyPlanService;
import uk.dapp.partnersupport.track.ExitContactPrompt;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.PartnerTrackService;
import uk.dapp.partnersupport.track.ProgrammeExitNotice;
import uk.dapp.partnersupport.track.WorkingDays;
import uk.dapp.platform.audit.AuditAction;
import uk.dapp.platform.audit.AuditWriter;
import uk.dapp.platform.security.CurrentUser;

/**
 * A partner support worker's work (issue 16 item 6) over the open tracks of the caller's teams (ADR
 * 0012): their own tracks by what is due next, the unallocated ones, first contacts, exit-contact
 * prompts, safety plan reviews and the MARAC meetings of open referrals. Every case served is audited, once per list, with the list's name
 * as the query. No partner detail is read into any list.
 */
@Service
public class PartnerSupportWorkService {

    static final String RESOURCE = "my-work";
    /** First contacts due within this many working days are listed beside the overdue ones. */
    static final int FIRST_CONTACTS_AHEAD_WORKING_DAYS = 5;
    /** Safety plan reviews due within this many days are listed beside the overdue ones. */
    static final int PLAN_REVIEWS_AHEAD_DAYS = 7;

    private final PartnerTrackService tracks;
    private final SafetyPlanService plans;
    private final OpenMaracReferrals maracReferrals;
    private final WorkingDays workingDays;
    private final AuditWriter audit;
    private final Clock clock;
    private final int maracNearWorkingDays;

    PartnerSupportWorkService(
            PartnerTrackService tracks,
            SafetyPlanService plans,
            OpenMaracReferrals maracReferrals,
            WorkingDays workingDays,
            AuditWriter audit,
            Clock clock,
            PartnerSupportProperties properties) {
        this.tracks = tracks;
        this.plans = plans;
        this.maracReferrals = maracReferrals;
        this.maracNearWorkingDays = properties.maracNearWorkingDays();
        this.workingDays = workingDays;
        this.audit = audit;
        this.clock = clock;
    }

    public PartnerSupportWork work(int limit) {
        Instant now = clock.instant();
        LocalDate today = Times.today(clock);
        String me = CurrentUser.get().username();
        List<PartnerTrack> open = tracks.openOfCallersTeams();
        Map<String, List<SafetyPlan>> plansOf = plansByTrack(open);

        List<TrackDue> mine = dueFirst(open.stream().filter(t -> me.equals(t.allocatedWorker())), plansOf, today);

        List<PartnerTrack> unallocated = open.stream()
                .filter(t -> !t.allocated())
                .sorted(Comparator.comparing(PartnerTrack::firstContactDueOn).thenComparing(PartnerTrack::openedAt))
                .toList();

        LocalDate firstContactHorizon = workingDays.after(today, FIRST_CONTACTS_AHEAD_WORKING_DAYS);
        List<FirstContact> firstContacts = open.stream()
                .filter(t -> t.firstContactAttemptAt() == null
                        && !t.firstContactDueOn().isAfter(firstContactHorizon))
                .sorted(Comparator.comparing(PartnerTrack::firstContactDueOn).thenComparing(PartnerTrack::openedAt))
                .map(t -> new FirstContact(
                        t,
                        signedWorkingDays(today, t.firstContactDueOn()),
                        t.firstContactDueOn().isBefore(today)))
                .toList();

        List<ExitContactPrompt> prompts = new ArrayList<>();
        for (PartnerTrack track : open) {
            for (ProgrammeExitNotice exit : outstandingExits(track)) {
                prompts.add(new ExitContactPrompt(
                        track.trackId(),
                        track.caseId(),
                        track.allocatedWorker(),
                        exit,
                        workingDays.between(exit.contactDueOn(), today)));
            }
        }
        prompts.sort(Comparator.comparing(ExitContactPrompt::contactDueOn)
                .thenComparing(p -> !p.exit().nonCompliance())
                .thenComparing(p -> p.exit().receivedAt()));

        Map<String, PartnerTrack> byId = open.stream().collect(Collectors.toMap(PartnerTrack::trackId, t -> t));
        List<PlanReview> reviews = plansOf.values().stream()
                .flatMap(List::stream)
                .filter(plan -> !plan.reviewOn().isAfter(today.plusDays(PLAN_REVIEWS_AHEAD_DAYS)))
                .sorted(Comparator.comparing(SafetyPlan::reviewOn).thenComparing(SafetyPlan::planId))
                .map(plan -> new PlanReview(
                        plan, byId.get(plan.trackId()), plan.reviewOn().isBefore(today)))
                .toList();

        List<MaracMeeting> meetings = maracMeetingsOf(byId, today);

        PartnerSupportWork work = new PartnerSupportWork(
                now,
                Section.of(mine, TrackDue::overdue, limit),
                Section.of(unallocated, t -> t.firstContactDueOn().isBefore(today), limit),
                Section.of(firstContacts, FirstContact::overdue, limit),
                Section.of(prompts, p -> p.contactDueOn().isBefore(today), limit),
                Section.of(reviews, PlanReview::overdue, limit),
                Section.of(meetings, MaracMeeting::overdue, limit));
        audited(
                "myTracks",
                work.myTracks().items().stream().map(t -> t.track().caseId()).toList());
        audited(
                "unallocated",
                work.unallocated().items().stream().map(PartnerTrack::caseId).toList());
        audited(
                "firstContacts",
                work.firstContacts().items().stream()
                        .map(f -> f.track().caseId())
                        .toList());
        audited(
                "exitContactPrompts",
                work.exitContactPrompts().items().stream()
                        .map(ExitContactPrompt::caseId)
                        .toList());
        audited(
                "safetyPlanReviews",
                work.safetyPlanReviews().items().stream()
                        .map(r -> r.track().caseId())
                        .toList());
        audited(
                "maracMeetings",
                work.maracMeetings().items().stream()
                        .map(m -> m.track().caseId())
                        .toList());
        return work;
    }

    /** Every MARAC meeting of the open referrals of the caller's teams' open tracks, overdue first; audited per case. */
    public List<MaracMeeting> maracMeetings() {
        Map<String, PartnerTrack> byId =
                tracks.openOfCallersTeams().stream().collect(Collectors.toMap(PartnerTrack::trackId, t -> t));
        List<MaracMeeting> meetings = maracMeetingsOf(byId, Times.today(clock));
        audited("MARAC meetings", meetings.stream().map(m -> m.track().caseId()).toList());
        return meetings;
    }

    private List<MaracMeeting> maracMeetingsOf(Map<String, PartnerTrack> openById, LocalDate today) {
        LocalDate lastNearDay = workingDays.after(today, maracNearWorkingDays);
        return maracReferrals.of(openById.keySet()).stream()
                .map(referral -> new MaracMeeting(
                        referral,
                        openById.get(referral.trackId()),
                        MaracRules.meetingDueBy(referral.referredOn()),
                        MaracRules.overdue(referral.referredOn(), referral.outcome(), today),
                        MaracRules.meetingNear(referral.meetingOn(), referral.outcome(), today, lastNearDay)))
                .sorted(Comparator.comparing((MaracMeeting m) -> !m.overdue())
                        .thenComparing(MaracMeeting::dueOn)
                        .thenComparing(m -> m.referral().maracReferralId()))
                .toList();
    }

    /** A page of the open tracks of the caller's teams (one worker's, when named), what is due soonest first. */
    public Page tracks(String worker, int page, int size) {
        LocalDate today = Times.today(clock);
        List<PartnerTrack> open = tracks.openOfCallersTeams();
        List<TrackDue> all = dueFirst(
                open.stream().filter(t -> worker == null || worker.equals(t.allocatedWorker())),
                plansByTrack(open),
                today);
        List<TrackDue> items = all.stream().skip((long) page * size).limit(size).toList();
        audited(
                worker == null ? "partner tracks" : "partner tracks of a worker",
                items.stream().map(t -> t.track().caseId()).toList());
        return new Page(items, page, size, all.size());
    }

    /** One page of tracks and how many there are in all. */
    public record Page(List<TrackDue> items, int page, int size, long totalItems) {

        public int totalPages() {
            return (int) ((totalItems + size - 1) / size);
        }
    }

    private List<TrackDue> dueFirst(
            java.util.stream.Stream<PartnerTrack> chosen, Map<String, List<SafetyPlan>> plansOf, LocalDate today) {
        return chosen.map(track -> {
                    Optional<Due> due = TrackDueRules.next(
                            track.firstContactAttemptAt() == null ? track.firstContactDueOn() : null,
                            outstandingExits(track).stream().map(ProgrammeExitNotice::contactDueOn),
                            plansOf.getOrDefault(track.trackId(), List.of()).stream()
                                    .map(SafetyPlan::reviewOn));
                    return new TrackDue(
                            track,
                            due,
                            due.map(d -> signedWorkingDays(today, d.on())).orElse(0),
                            due.map(d -> d.overdue(today)).orElse(false));
                })
                .sorted(Comparator.comparing(
                                (TrackDue t) -> t.due().map(Due::on).orElse(LocalDate.MAX))
                        .thenComparing(t -> t.track().openedAt())
                        .thenComparing(t -> t.track().trackId()))
                .toList();
    }

    private static List<ProgrammeExitNotice> outstandingExits(PartnerTrack track) {
        return track.programmeExits().stream()
                .filter(e -> !e.contactPromptDone(track.lastContactAttemptAt()))
                .toList();
    }

    private Map<String, List<SafetyPlan>> plansByTrack(List<PartnerTrack> open) {
        if (open.isEmpty()) {
            return Map.of();
        }
        return plans.plansOf(open.stream().map(PartnerTrack::trackId).toList()).stream()
                .collect(Collectors.groupingBy(SafetyPlan::trackId));
    }

    /** Working days from today to the day (0 on the day), negative once it has passed. */
    private int signedWorkingDays(LocalDate today, LocalDate on) {
        return on.isBefore(today) ? -workingDays.between(on, today) : workingDays.between(today, on);
    }

    private void audited(String list, List<String> caseIds) {
        audit.recordList(AuditAction.SEARCH, RESOURCE, caseIds, list);
    }
}
