package uk.dapp.demo.load;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ReviewsApi;
import uk.dapp.client.programme.api.SessionsApi;
import uk.dapp.client.programme.api.SuitabilityApi;
import uk.dapp.client.programme.model.AlertCreate;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.client.programme.model.AlertSource;
import uk.dapp.client.programme.model.AssessmentCreate;
import uk.dapp.client.programme.model.AttendanceCreate;
import uk.dapp.client.programme.model.AttendanceOutcome;
import uk.dapp.client.programme.model.EnrolmentCreate;
import uk.dapp.client.programme.model.ExitOutcomeCreate;
import uk.dapp.client.programme.model.Group;
import uk.dapp.client.programme.model.GroupCreate;
import uk.dapp.client.programme.model.MentalHealth;
import uk.dapp.client.programme.model.MiSessionCreate;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.RegisterCreate;
import uk.dapp.client.programme.model.RegisterEntry;
import uk.dapp.client.programme.model.ReviewCreate;
import uk.dapp.client.programme.model.SessionCreate;
import uk.dapp.client.programme.model.SubstanceMisuse;
import uk.dapp.demo.plan.Attendances;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.ProgrammeInfo;
import uk.dapp.demo.plan.ProgrammeJourney;

/** A referral's way through the programme: assessment, enrolment, sessions, reviews, alerts, exit. */
final class ProgrammeJourneyLoad {

    private final Gateway gateway;
    private final Counts counts;
    private final LocalDate today;
    private final HandEscalations escalations;
    // the groups opened in this run per team and programme, in the order opened, each filled before the next
    private final Map<String, List<Group>> groups = new HashMap<>();
    // each group's weekly sessions scheduled so far, shared by its members, and their marks
    private final Map<UUID, GroupSessions> groupSessions = new HashMap<>();

    /**
     * Who works a referral (facilitators and service managers take turns), and its place among the referrals
     * enrolling into the same team's groups of its programme (or onto its case managers' caseloads), counted in the
     * people's order: the place says which group or caseload it joins, so capacity fills the same way whichever
     * thread gets there first. The place is -1 for a journey that never reaches enrolment.
     */
    record Assignment(Loaded loaded, String worker, int enrolmentPlace) {}

    List<Assignment> assign(List<Loaded> referred) {
        Map<String, Integer> enrolling = new HashMap<>();
        List<Assignment> assignments = new ArrayList<>(referred.size());
        for (int i = 0; i < referred.size(); i++) {
            Loaded l = referred.get(i);
            String worker = i % 2 == 0 ? l.team().facilitator() : l.team().serviceManager();
            int place = -1;
            if (l.person.journey().suitability().endsSuitable()) {
                place = enrolling.merge(enrolmentKey(l.team(), l.programme), 1, Integer::sum) - 1;
            }
            assignments.add(new Assignment(l, worker, place));
        }
        return assignments;
    }

    // each team runs its own groups, and its own case managers take its one-to-one cases (ADR 0012)
    private static String enrolmentKey(DemoTeam team, ProgrammeInfo programme) {
        return team + "/" + programme.code();
    }

    /**
     * Whose caseload a one-to-one place falls on: the team's facilitator's up to the programme's caseload
     * limit, then its service manager's, as the service accepts only the team's own (null when both are full:
     * the referral waits, suitable, as a real one would for a case manager with room).
     */
    static String caseManagerFor(DemoTeam team, ProgrammeInfo programme, int place) {
        List<String> caseManagers = List.of(team.facilitator(), team.serviceManager());
        int index = place / Math.max(1, programme.capacity());
        return index < caseManagers.size() ? caseManagers.get(index) : null;
    }

    ProgrammeJourneyLoad(LoadContext context) {
        this.escalations = context.escalations();
        this.gateway = context.gateway();
        this.counts = context.counts();
        this.today = context.today();
    }

    /**
     * A journey enrolled, its attendance planned: what the rest of it needs once its attendance is recorded
     * (a group's by {@link #recordRegisters}).
     */
    record Enrolled(Assignment assignment, boolean sessionsToCome) {}

    /** One group's sessions in order, each with its members' marks gathered from their journeys. */
    record GroupRegisters(UUID groupId, String worker, List<UUID> sessions, Map<UUID, List<RegisterEntry>> marks) {}

    /**
     * A journey up to its attendance: assessed, enrolled, its sessions scheduled; a one-to-one participant's
     * attendance is recorded session by session (one participant per session), a group member's marks are
     * gathered into the group's registers, each recorded in one request by {@link #recordRegisters}.
     */
    Enrolled start(Assignment assignment) {
        Loaded l = assignment.loaded();
        String worker = assignment.worker();
        ProgrammeJourney journey = l.person.journey();
        UUID id = l.referral.getReferralId();
        ProgrammeInfo programme = l.programme;
        SuitabilityApi suitability = new SuitabilityApi(gateway.programme(worker));
        Level risk = Level.valueOf(l.referral.getRiskLevel().getValue());
        switch (journey.suitability()) {
            case NOT_YET_ASSESSED -> {
                counts.add(Loader.PROGRAMME, "status REFERRED");
                return null;
            }
            case NOT_SUITABLE -> {
                boolean mental = l.person.index() % 2 == 0;
                suitability.recordAssessment(
                        id,
                        assessment(3, risk, programme)
                                .mentalHealth(mental ? MentalHealth.UNMANAGED : MentalHealth.NO_CONCERN)
                                .substanceMisuse(mental ? SubstanceMisuse.NO_CONCERN : SubstanceMisuse.UNMANAGED));
                counts.add(Loader.PROGRAMME, "assessments");
                counts.add(Loader.PROGRAMME, "status NOT_SUITABLE");
                return null;
            }
            case MOTIVATIONAL_PENDING, MOTIVATIONAL_THEN_SUITABLE -> {
                suitability.recordAssessment(id, assessment(2, risk, programme));
                counts.add(Loader.PROGRAMME, "assessments");
                int sessions = journey.suitability() == ProgrammeJourney.Suitability.MOTIVATIONAL_PENDING
                        ? 1
                        : Math.max(1, programme.miSessionCap());
                for (int s = 0; s < sessions; s++) {
                    suitability.recordMiSession(id, new MiSessionCreate().heldOn(today.minusDays(7L * (sessions - s))));
                    counts.add(Loader.PROGRAMME, "motivational sessions");
                }
                if (journey.suitability() == ProgrammeJourney.Suitability.MOTIVATIONAL_PENDING) {
                    counts.add(Loader.PROGRAMME, "status MOTIVATIONAL_WORK");
                    return null;
                }
                suitability.recordAssessment(id, assessment(4, risk, programme));
                counts.add(Loader.PROGRAMME, "assessments");
            }
            case SUITABLE -> {
                suitability.recordAssessment(id, assessment(4, risk, programme));
                counts.add(Loader.PROGRAMME, "assessments");
            }
        }
        Referral enrolled = enrol(id, programme, l.team(), assignment.enrolmentPlace());
        if (enrolled == null) {
            counts.add(Loader.PROGRAMME, "status SUITABLE (every case manager's caseload full)");
            return null;
        }
        if (!"ENROLLED".equals(enrolled.getStatus().getValue())) {
            counts.add(Loader.PROGRAMME, "status " + enrolled.getStatus().getValue());
            return null;
        }
        counts.add(Loader.PROGRAMME, "enrolments");
        boolean mandated = Boolean.TRUE.equals(l.referral.getMandated());
        List<Attendances.Mark> marks = Attendances.expand(journey, programme, mandated);
        SessionsApi sessions = new SessionsApi(gateway.programme(worker));
        OffsetDateTime firstSession = OffsetDateTime.now(ZoneOffset.UTC)
                .minusWeeks(programme.sessionCount() + 4L)
                .withHour(18)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        boolean sessionsToCome = false;
        for (int k = 0; k < marks.size(); k++) {
            if (firstSession.plusWeeks(k).isAfter(now)) {
                // a long journey runs past today: its remaining sessions have not happened, so nobody can mark
                // them, and the person is still on the programme (no exit below)
                counts.add(Loader.PROGRAMME, "journeys with sessions still to come");
                sessionsToCome = true;
                break;
            }
            AttendanceOutcome outcome = AttendanceOutcome.fromValue(marks.get(k).name());
            if (programme.group()) {
                markInGroup(
                        enrolled.getGroupId(),
                        l.team(),
                        k,
                        firstSession,
                        sessions,
                        new RegisterEntry().referralId(id).outcome(outcome));
                continue;
            }
            UUID session = sessions.scheduleSession(
                            new SessionCreate().referralId(id).scheduledAt(firstSession.plusWeeks(k)))
                    .getSessionId();
            counts.add(Loader.PROGRAMME, "sessions");
            sessions.recordAttendance(session, id, new AttendanceCreate().outcome(outcome));
            counts.add(Loader.PROGRAMME, "attendance " + marks.get(k).name());
        }
        return new Enrolled(assignment, sessionsToCome);
    }

    /** The groups' registers gathered so far, in the order the groups were opened, each group's sessions in order. */
    List<GroupRegisters> groupRegisters() {
        List<GroupRegisters> registers = new ArrayList<>();
        List<List<Group>> teams;
        synchronized (groups) {
            teams = groups.keySet().stream().sorted().map(groups::get).toList();
        }
        for (List<Group> opened : teams) {
            for (Group group : opened) {
                GroupSessions held;
                synchronized (groupSessions) {
                    held = groupSessions.get(group.getGroupId());
                }
                if (held == null) {
                    continue;
                }
                synchronized (held) {
                    Map<UUID, List<RegisterEntry>> marks = new HashMap<>();
                    held.marks.forEach((session, entries) -> marks.put(
                            session,
                            entries.stream()
                                    .sorted(java.util.Comparator.comparing(
                                            e -> e.getReferralId().toString()))
                                    .toList()));
                    registers.add(
                            new GroupRegisters(group.getGroupId(), held.worker, List.copyOf(held.sessions), marks));
                }
            }
        }
        return registers;
    }

    /**
     * A group's registers, session after session as the weeks went: each session's whole register in one
     * request (the API records all of it or none).
     */
    Object recordRegisters(GroupRegisters group) {
        SessionsApi sessions = new SessionsApi(gateway.programme(group.worker()));
        for (UUID session : group.sessions()) {
            List<RegisterEntry> entries = group.marks().getOrDefault(session, List.of());
            if (entries.isEmpty()) {
                continue;
            }
            sessions.recordRegister(session, new RegisterCreate().attendances(entries));
            counts.add(Loader.PROGRAMME, "group registers");
            entries.forEach(e ->
                    counts.add(Loader.PROGRAMME, "attendance " + e.getOutcome().getValue()));
        }
        return null;
    }

    /** The rest of a journey once its attendance is recorded: the monthly review, a concern, its exit. */
    Object finish(Enrolled started) {
        Loaded l = started.assignment().loaded();
        String worker = started.assignment().worker();
        ProgrammeJourney journey = l.person.journey();
        UUID id = l.referral.getReferralId();
        Level risk = Level.valueOf(l.referral.getRiskLevel().getValue());
        boolean mandated = Boolean.TRUE.equals(l.referral.getMandated());
        boolean sessionsToCome = started.sessionsToCome();
        if (journey.monthlyReview()) {
            new ReviewsApi(gateway.programme(worker))
                    .recordReview(
                            id,
                            new ReviewCreate()
                                    .riskLevel(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name()))
                                    .safetyActions(
                                            "check in with partner support before each session; review the safety plan monthly")
                                    .addAttendeesItem(new uk.dapp.client.programme.model.ReviewAttendee()
                                            .name(worker)
                                            .role("facilitator"))
                                    .addAttendeesItem(new uk.dapp.client.programme.model.ReviewAttendee()
                                            .name("partner support")
                                            .role("partner support worker"))
                                    .addActionsItem(new uk.dapp.client.programme.model.ReviewAction()
                                            .action("check in with partner support before each session")
                                            .owner(worker))
                                    .addActionsItem(new uk.dapp.client.programme.model.ReviewAction()
                                            .action("review the safety plan")
                                            .owner("partner support")
                                            .dueBy(today.plusMonths(1))));
            counts.add(Loader.PROGRAMME, "monthly reviews");
        }
        if (journey.facilitatorConcern()) {
            var alert = new AlertsApi(gateway.programme(worker))
                    .raiseAlert(
                            id,
                            new AlertCreate()
                                    .source(AlertSource.FACILITATOR_CONCERN)
                                    .concern("minimising language about a recent argument in session"));
            counts.add(Loader.PROGRAMME, "risk alerts raised by facilitators");
            if (journey.concernReviewed()) {
                new AlertsApi(gateway.programme(l.team().serviceManager()))
                        .reviewAlert(
                                alert.getAlertId(),
                                new AlertReviewCreate()
                                        .actionsTaken("discussed with the facilitator; partner support informed"));
                counts.add(Loader.PROGRAMME, "risk alerts reviewed (facilitator concerns)");
            } else {
                escalations.offer(
                        l.person.index(),
                        alert.getAlertId(),
                        l.team(),
                        "he described following her home after the last session: this cannot wait for the review");
            }
        }
        ProgrammeJourney.End end = journey.end().forMandate(mandated);
        if (end == ProgrammeJourney.End.ONGOING || sessionsToCome) {
            counts.add(Loader.PROGRAMME, "status ON_PROGRAMME or COMPLIANCE_REVIEW");
            return null;
        }
        Referral exited = new uk.dapp.client.programme.api.ReferralsApi(gateway.programme(worker))
                .moveReferral(
                        id,
                        new ReferralMove()
                                .move(end.move)
                                .reason(exitReason(end))
                                .outcome(new ExitOutcomeCreate()
                                        .summary(exitReason(end))
                                        .riskLevelAtExit(uk.dapp.client.programme.model.RiskLevel.fromValue(
                                                (end == ProgrammeJourney.End.COMPLETED && risk != Level.STANDARD
                                                                ? Level.values()[risk.ordinal() - 1]
                                                                : risk)
                                                        .name()))));
        l.exited = true;
        counts.add(Loader.PROGRAMME, "status " + exited.getStatus().getValue());
        return null;
    }

    private static String exitReason(ProgrammeJourney.End end) {
        return switch (end) {
            case COMPLETED -> "all required sessions attended; no new incidents reported";
            case DROPPED_OUT -> "stopped attending and could not be re-engaged";
            case EXCLUDED -> "unacceptable absences after the compliance review";
            case BREACHED -> "unacceptable absences after the compliance review; order breached";
            case TRANSFERRED -> "moved out of the area: transferred to the local provider";
            case ONGOING -> throw new IllegalArgumentException("not an exit");
        };
    }

    private static AssessmentCreate assessment(int motivation, Level risk, ProgrammeInfo programme) {
        return new AssessmentCreate()
                .motivation(motivation)
                .accountability(Math.min(5, motivation + 1))
                .awareness(motivation)
                .mentalHealth(MentalHealth.NO_CONCERN)
                .substanceMisuse(SubstanceMisuse.MANAGED)
                .riskPosed(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name()))
                .groupWorkSuitable(true);
    }

    private Referral enrol(UUID referralId, ProgrammeInfo programme, DemoTeam team, int place) {
        EnrolmentApi enrolment = new EnrolmentApi(gateway.programme(team.serviceManager()));
        if (programme.group()) {
            Group group = group(enrolment, team, programme, place);
            return enrolment.enrol(referralId, new EnrolmentCreate().groupId(group.getGroupId()));
        }
        String caseManager = caseManagerFor(team, programme, place);
        return caseManager == null ? null : enrolment.enrol(referralId, new EnrolmentCreate().caseManager(caseManager));
    }

    /** The group the place falls in, opening the team's groups of the programme in order up to it (at the programme's capacity). */
    private Group group(EnrolmentApi enrolment, DemoTeam team, ProgrammeInfo programme, int place) {
        List<Group> opened;
        synchronized (groups) {
            opened = groups.computeIfAbsent(enrolmentKey(team, programme), key -> new ArrayList<>());
        }
        synchronized (opened) {
            do {
                if (!opened.isEmpty()
                        && place < opened.size() * opened.getFirst().getCapacity()) {
                    return opened.get(place / opened.getFirst().getCapacity());
                }
                Group group = enrolment.createGroup(new GroupCreate()
                        .programmeCode(programme.code())
                        .name("Demo " + programme.code() + " group " + (opened.size() + 1) + " ("
                                + team.name().toLowerCase(Locale.ROOT) + ")")
                        .startsOn(today.minusWeeks(programme.sessionCount() + 4L))
                        .facilitators(List.of(team.facilitator())));
                opened.add(group);
                counts.add(Loader.PROGRAMME, "groups");
            } while (true);
        }
    }

    /** A group's weekly sessions scheduled so far, and each one's marks gathered from its members' journeys. */
    private static final class GroupSessions {
        final String worker;
        final List<UUID> sessions = new ArrayList<>();
        final Map<UUID, List<RegisterEntry>> marks = new HashMap<>();

        GroupSessions(String worker) {
            this.worker = worker;
        }
    }

    /**
     * A member's mark at the group's k-th weekly session, scheduling the sessions up to it that nobody has
     * needed yet; recorded with the rest of the session's register later.
     */
    private void markInGroup(
            UUID groupId, DemoTeam team, int k, OffsetDateTime first, SessionsApi sessions, RegisterEntry entry) {
        GroupSessions held;
        synchronized (groupSessions) {
            held = groupSessions.computeIfAbsent(groupId, g -> new GroupSessions(team.facilitator()));
        }
        synchronized (held) {
            while (held.sessions.size() <= k) {
                held.sessions.add(sessions.scheduleSession(
                                new SessionCreate().groupId(groupId).scheduledAt(first.plusWeeks(held.sessions.size())))
                        .getSessionId());
                counts.add(Loader.PROGRAMME, "sessions");
            }
            held.marks
                    .computeIfAbsent(held.sessions.get(k), s -> new ArrayList<>())
                    .add(entry);
        }
    }
}
