package uk.dapp.demo.load;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.ContactAttemptsApi;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.OutcomesApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.*;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.api.EnrolmentApi;
import uk.dapp.client.programme.api.ProgrammesApi;
import uk.dapp.client.programme.api.ReferralsApi;
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
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.Programme;
import uk.dapp.client.programme.model.ProgrammeType;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.ReferralCreate;
import uk.dapp.client.programme.model.ReferralMove;
import uk.dapp.client.programme.model.ReferralSource;
import uk.dapp.client.programme.model.ReviewCreate;
import uk.dapp.client.programme.model.SessionCreate;
import uk.dapp.client.programme.model.Sex;
import uk.dapp.client.programme.model.SubstanceMisuse;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.ReferenceDataApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.ReferenceData;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.demo.plan.Attendances;
import uk.dapp.demo.plan.Level;
import uk.dapp.demo.plan.Offence;
import uk.dapp.demo.plan.PartnerPlan;
import uk.dapp.demo.plan.PathwayChoice;
import uk.dapp.demo.plan.Person;
import uk.dapp.demo.plan.PopulationPlanner;
import uk.dapp.demo.plan.ProgrammeInfo;
import uk.dapp.demo.plan.ProgrammeJourney;
import uk.dapp.demo.plan.RiskLevels;

/**
 * Loads a planned population through the gateway, as the demo users would: the offender manager
 * registers, scores and routes; the engaged nominals' referrals arrive through the risk matrix's
 * outbox and are waited for; facilitators and the service manager take referrals through
 * assessment, enrolment, sessions and exits; partners named to the programme reach partner support
 * through the programme's outbox, where the partner support worker takes them on; disclosures raise
 * risk alerts the service manager reviews. A nominal already on the matrix (409 on his police
 * identifier) is skipped with everything that would follow for him, so a second run adds nothing.
 */
public final class Loader {

    static final String RISK = "risk-matrix";
    static final String PROGRAMME = "programme";
    static final String PARTNER = "partner-support";
    private static final Duration DELIVERY = Duration.ofSeconds(120);

    private final Gateway gateway;
    private final Counts counts = new Counts();
    private final List<String> failures = new ArrayList<>();
    private final java.io.PrintStream log;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    private Map<String, ProgrammeInfo> catalogue;
    private final Map<String, Group> openGroups = new HashMap<>();
    private final Map<String, Integer> groupMembers = new HashMap<>();
    private final Map<String, List<UUID>> groupSessions = new HashMap<>();
    private final Map<String, Integer> caseloads = new HashMap<>();

    /** A person registered in this run, with what later steps need. */
    private static final class Loaded {
        final Person person;
        final String caseId;
        boolean expectsOutboxReferral;
        Referral referral;
        ProgrammeInfo programme;
        boolean exited;

        Loaded(Person person, String caseId) {
            this.person = person;
            this.caseId = caseId;
        }
    }

    public Loader(Gateway gateway, java.io.PrintStream log) {
        this.gateway = gateway;
        this.log = log;
    }

    public record Result(Counts counts, List<String> failures) {
    }

    public Result load(long seed, int cases) {
        ReferenceData reference = new ReferenceDataApi(gateway.riskMatrix(Gateway.OFFENDER_MANAGER))
                .listReferenceDataVersions().getItems().stream().max(Comparator.comparing(ReferenceData::getVersion))
                .orElseThrow(() -> new IllegalStateException("the risk matrix has no reference data"));
        List<Offence> offences = reference.getOffences().stream()
                .map(o -> new Offence(o.getCode(), Boolean.TRUE.equals(o.getCrime()), o.getHarmDays() == null ? 0 : o.getHarmDays()))
                .toList();
        catalogue = new ProgrammesApi(gateway.programme(Gateway.FACILITATOR)).listProgrammes().stream()
                .collect(Collectors.toMap(Programme::getCode, Loader::info, (a, b) -> a, LinkedHashMap::new));
        PopulationPlanner planner = new PopulationPlanner(seed, today, offences, reference.getWindowMonths());
        List<Person> people = planner.plan(cases);
        log.printf("Demo data: %d invented people (seed %d), reference data version %d, programmes %s%n", cases, seed,
                reference.getVersion(), catalogue.keySet());

        List<Loaded> loaded = new ArrayList<>();
        for (Person person : people) {
            step("register " + person.policeId(), () -> register(person, planner.windowMonths())).ifPresent(loaded::add);
        }
        log.printf("  risk matrix: %d registered, %d already there%n", loaded.size(), counts.get(RISK, "skipped (already loaded)"));
        for (Loaded l : loaded) {
            step("refer " + l.caseId, () -> refer(l, planner.windowMonths()));
        }
        log.printf("  programme: %d referrals%n", loaded.stream().filter(l -> l.referral != null).count());
        int i = 0;
        for (Loaded l : loaded) {
            if (l.referral != null) {
                String worker = i++ % 2 == 0 ? Gateway.FACILITATOR : Gateway.SERVICE_MANAGER;
                if (i % 50 == 0) {
                    log.printf("  programme: %d referrals taken through assessment, sessions and exits...%n", i);
                }
                step("programme journey " + l.caseId, () -> journey(l, worker));
            }
        }
        List<RaisedAlert> alerts = new ArrayList<>();
        for (Loaded l : loaded) {
            if (l.referral != null && !l.person.partners().isEmpty()) {
                step("partner support " + l.caseId, () -> partners(l, alerts));
            }
        }
        for (RaisedAlert alert : alerts) {
            step("risk alert " + alert.alertId(), () -> settle(alert));
        }
        return new Result(counts, List.copyOf(failures));
    }

    /** A disclosure's risk alert, and whether the service manager reviews it once it reaches the programme. */
    private record RaisedAlert(String caseId, UUID alertId, boolean review) {
    }

    /**
     * Waits until partner support has settled the alert (delivered to the programme, or withheld
     * because the partner's sharing consent does not cover it and the risk is below HIGH), as its
     * worker sees it; a delivered one is reviewed by the service manager when the plan says so.
     */
    private Object settle(RaisedAlert alert) {
        DisclosuresApi disclosures = new DisclosuresApi(gateway.partnerSupport(Gateway.PARTNER_SUPPORT_WORKER));
        RiskAlert settled = until("risk alert " + alert.alertId() + " delivered or withheld", () -> disclosures
                .listRiskAlerts(alert.caseId()).stream()
                .filter(a -> a.getAlertId().equals(alert.alertId()) && a.getStatus() != OutboxStatus.PENDING)
                .findFirst().orElse(null));
        switch (settled.getStatus()) {
            case DELIVERED -> {
                counts.add(PARTNER, "risk alerts delivered to the programme");
                if (alert.review()) {
                    new AlertsApi(gateway.programme(Gateway.SERVICE_MANAGER)).reviewAlert(alert.alertId(),
                            new AlertReviewCreate().actionsTaken(
                                    "safety plan checked with the partner support worker; discussed at the next session"));
                    counts.add(PROGRAMME, "risk alerts reviewed (from disclosures)");
                }
            }
            case WITHHELD -> counts.add(PARTNER, "risk alerts withheld (no sharing consent, below HIGH)");
            default -> throw new IllegalStateException("risk alert " + alert.alertId() + " " + settled.getStatus()
                    + ": " + settled.getStatusReason());
        }
        return null;
    }

    // ---- risk matrix: the offender manager ----

    private Loaded register(Person p, int windowMonths) {
        uk.dapp.client.riskmatrix.ApiClient om = gateway.riskMatrix(Gateway.OFFENDER_MANAGER);
        String caseId;
        try {
            caseId = new NominalsApi(om).createNominal(new NominalCreate().givenName(p.givenName())
                    .familyName(p.familyName()).dateOfBirth(p.dateOfBirth()).policeId(p.policeId())
                    .probationId(p.probationId()).area(p.area())).getCaseId();
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 409) {
                counts.add(RISK, "skipped (already loaded)");
                return null;
            }
            throw e;
        }
        counts.add(RISK, "nominals");
        IncidentsApi incidents = new IncidentsApi(om);
        for (var incident : p.incidents()) {
            incidents.addIncident(caseId, new IncidentCreate().date(incident.date())
                    .type(incident.domesticAbuse() ? IncidentType.DOMESTIC_ABUSE : IncidentType.OTHER)
                    .offenceCode(incident.offenceCode()).victimKey(incident.victimKey())
                    .dashLevel(DashLevel.fromValue(incident.dashLevel().name())).crime(incident.crime())
                    .outcome(Outcome.fromValue(incident.outcome())));
            counts.add(RISK, "incidents");
        }
        Loaded loaded = new Loaded(p, caseId);
        if (p.route() == Person.Route.UNDECIDED) {
            counts.add(RISK, "awaiting decision");
            return loaded;
        }
        RoutingApi routing = new RoutingApi(om);
        var f = p.facts();
        Routing advised = routing.recordSuitabilityFacts(caseId, new SuitabilityFacts().willingToEngage(f.willingToEngage())
                .consentsToGpsTag(f.consentsToGpsTag()).drugMisuse(f.drugMisuse()).alcoholMisuse(f.alcoholMisuse())
                .housingNeed(f.housingNeed()).inCustody(f.inCustody()).existingOrders(f.existingOrders()));
        if (p.route() == Person.Route.CATCH_AND_CONVICT) {
            routing.decideRouting(caseId, new RoutingDecision().route(Route.CATCH_AND_CONVICT).reason(p.overrideReason()));
            counts.add(RISK, "decisions CATCH_AND_CONVICT");
            if (p.overrideReason() != null) {
                counts.add(RISK, "decisions overriding the recommendation");
            }
            return loaded;
        }
        List<String> recommended = advised.getRecommendation().getPathways().stream().map(Pathway::getValue).toList();
        Level risk = RiskLevels.referralLevel(p.incidents(), today, windowMonths);
        PathwayChoice.Choice choice = PathwayChoice.choose(recommended, p.sex(), p.ageOn(today), risk, catalogue);
        routing.decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE)
                .pathways(choice.pathways().stream().map(Pathway::fromValue).toList()).reason(choice.reason()));
        counts.add(RISK, "decisions ENGAGE");
        if (choice.reason() != null) {
            counts.add(RISK, "decisions overriding the recommendation");
        }
        loaded.expectsOutboxReferral = choice.anyProgramme();
        return loaded;
    }

    // ---- programme: referrals ----

    private Object refer(Loaded l, int windowMonths) {
        Person p = l.person;
        ReferralsApi referrals = new ReferralsApi(gateway.programme(Gateway.FACILITATOR));
        List<PartnerDetails> partners = p.partners().stream().map(partner -> new PartnerDetails()
                .relationship(partner.current() ? PartnerDetails.RelationshipEnum.CURRENT_PARTNER
                        : PartnerDetails.RelationshipEnum.EX_PARTNER)
                .name(partner.name()).phone(partner.phone())).toList();
        if (l.expectsOutboxReferral) {
            l.referral = until("the referral of " + l.caseId + " from the risk matrix",
                    () -> referrals.listCaseReferrals(l.caseId).stream().findFirst().orElse(null));
            counts.add(PROGRAMME, "referrals from RISK_MATRIX (outbox)");
            if (!partners.isEmpty()) {
                referrals.passOnPartners(l.referral.getReferralId(), new PartnersPassOn().partners(partners));
                counts.add(PROGRAMME, "partners passed on");
            }
        } else if (p.referral().wanted()) {
            Level risk = RiskLevels.referralLevel(p.incidents(), today, windowMonths);
            List<ProgrammeInfo> eligible = catalogue.values().stream()
                    .filter(programme -> programme.accepts(p.sex(), p.ageOn(today), risk)).toList();
            if (eligible.isEmpty()) {
                counts.add(PROGRAMME, "not referred (no programme takes them)");
                return null;
            }
            String source = p.referral().source();
            boolean mandated = p.referral().mandated();
            l.referral = referrals.createReferral(new ReferralCreate().caseId(l.caseId)
                    .programmeCode(eligible.get(p.index() % eligible.size()).code())
                    .source(ReferralSource.fromValue(source)).mandated(mandated)
                    .riskLevel(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name()))
                    .responsibleProbationOfficer(mandated ? Gateway.FACILITATOR : null)
                    .sex(Sex.fromValue(p.sex())).dateOfBirth(p.dateOfBirth()).partners(partners));
            counts.add(PROGRAMME, "referrals from " + source);
            if (!partners.isEmpty()) {
                counts.add(PROGRAMME, "partners passed on");
            }
        }
        if (l.referral != null) {
            l.programme = catalogue.get(l.referral.getProgrammeCode());
        }
        return null;
    }

    // ---- programme: assessment, enrolment, sessions, exits ----

    private Object journey(Loaded l, String worker) {
        ProgrammeJourney journey = l.person.journey();
        UUID id = l.referral.getReferralId();
        ProgrammeInfo programme = l.programme;
        SuitabilityApi suitability = new SuitabilityApi(gateway.programme(worker));
        Level risk = Level.valueOf(l.referral.getRiskLevel().getValue());
        switch (journey.suitability()) {
            case NOT_YET_ASSESSED -> {
                counts.add(PROGRAMME, "status REFERRED");
                return null;
            }
            case NOT_SUITABLE -> {
                boolean mental = l.person.index() % 2 == 0;
                suitability.recordAssessment(id, assessment(3, risk, programme)
                        .mentalHealth(mental ? MentalHealth.UNMANAGED : MentalHealth.NO_CONCERN)
                        .substanceMisuse(mental ? SubstanceMisuse.NO_CONCERN : SubstanceMisuse.UNMANAGED));
                counts.add(PROGRAMME, "assessments");
                counts.add(PROGRAMME, "status NOT_SUITABLE");
                return null;
            }
            case MOTIVATIONAL_PENDING, MOTIVATIONAL_THEN_SUITABLE -> {
                suitability.recordAssessment(id, assessment(2, risk, programme));
                counts.add(PROGRAMME, "assessments");
                int sessions = journey.suitability() == ProgrammeJourney.Suitability.MOTIVATIONAL_PENDING ? 1
                        : Math.max(1, programme.miSessionCap());
                for (int s = 0; s < sessions; s++) {
                    suitability.recordMiSession(id, new MiSessionCreate().heldOn(today.minusDays(7L * (sessions - s))));
                    counts.add(PROGRAMME, "motivational sessions");
                }
                if (journey.suitability() == ProgrammeJourney.Suitability.MOTIVATIONAL_PENDING) {
                    counts.add(PROGRAMME, "status MOTIVATIONAL_WORK");
                    return null;
                }
                suitability.recordAssessment(id, assessment(4, risk, programme));
                counts.add(PROGRAMME, "assessments");
            }
            case SUITABLE -> {
                suitability.recordAssessment(id, assessment(4, risk, programme));
                counts.add(PROGRAMME, "assessments");
            }
        }
        Referral enrolled = enrol(id, programme);
        if (!"ENROLLED".equals(enrolled.getStatus().getValue())) {
            counts.add(PROGRAMME, "status " + enrolled.getStatus().getValue());
            return null;
        }
        counts.add(PROGRAMME, "enrolments");
        boolean mandated = Boolean.TRUE.equals(l.referral.getMandated());
        List<Attendances.Mark> marks = Attendances.expand(journey, programme, mandated);
        SessionsApi sessions = new SessionsApi(gateway.programme(worker));
        OffsetDateTime firstSession = OffsetDateTime.now(ZoneOffset.UTC).minusWeeks(programme.sessionCount() + 4L)
                .withHour(18).withMinute(0).withSecond(0).withNano(0);
        for (int k = 0; k < marks.size(); k++) {
            UUID session = programme.group() ? groupSession(enrolled.getGroupId(), k, firstSession, sessions)
                    : sessions.scheduleSession(new SessionCreate().referralId(id).scheduledAt(firstSession.plusWeeks(k)))
                            .getSessionId();
            if (!programme.group()) {
                counts.add(PROGRAMME, "sessions");
            }
            sessions.recordAttendance(session, id, new AttendanceCreate().outcome(AttendanceOutcome.fromValue(marks.get(k).name())));
            counts.add(PROGRAMME, "attendance " + marks.get(k).name());
        }
        if (journey.monthlyReview()) {
            new ReviewsApi(gateway.programme(worker)).recordReview(id, new ReviewCreate()
                    .riskLevel(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name()))
                    .safetyActions("check in with partner support before each session; review the safety plan monthly"));
            counts.add(PROGRAMME, "monthly reviews");
        }
        if (journey.facilitatorConcern()) {
            var alert = new AlertsApi(gateway.programme(worker)).raiseAlert(id, new AlertCreate()
                    .source(AlertSource.FACILITATOR_CONCERN).concern("minimising language about a recent argument in session"));
            counts.add(PROGRAMME, "risk alerts raised by facilitators");
            if (journey.concernReviewed()) {
                new AlertsApi(gateway.programme(Gateway.SERVICE_MANAGER)).reviewAlert(alert.getAlertId(),
                        new AlertReviewCreate().actionsTaken("discussed with the facilitator; partner support informed"));
                counts.add(PROGRAMME, "risk alerts reviewed (facilitator concerns)");
            }
        }
        ProgrammeJourney.End end = journey.end().forMandate(mandated);
        if (end == ProgrammeJourney.End.ONGOING) {
            counts.add(PROGRAMME, "status ON_PROGRAMME or COMPLIANCE_REVIEW");
            return null;
        }
        Referral exited = new uk.dapp.client.programme.api.ReferralsApi(gateway.programme(worker)).moveReferral(id,
                new ReferralMove().move(end.move).reason(exitReason(end)).outcome(new ExitOutcomeCreate()
                        .summary(exitReason(end)).riskLevelAtExit(uk.dapp.client.programme.model.RiskLevel.fromValue(
                                (end == ProgrammeJourney.End.COMPLETED && risk != Level.STANDARD ? Level.values()[risk.ordinal() - 1] : risk).name()))));
        l.exited = true;
        counts.add(PROGRAMME, "status " + exited.getStatus().getValue());
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
        return new AssessmentCreate().motivation(motivation).accountability(Math.min(5, motivation + 1)).awareness(motivation)
                .mentalHealth(MentalHealth.NO_CONCERN).substanceMisuse(SubstanceMisuse.MANAGED)
                .riskPosed(uk.dapp.client.programme.model.RiskLevel.fromValue(risk.name())).groupWorkSuitable(true);
    }

    private Referral enrol(UUID referralId, ProgrammeInfo programme) {
        EnrolmentApi enrolment = new EnrolmentApi(gateway.programme(Gateway.SERVICE_MANAGER));
        if (programme.group()) {
            Group group = openGroups.get(programme.code());
            if (group == null || groupMembers.getOrDefault(group.getGroupId().toString(), 0) >= group.getCapacity()) {
                int number = (int) openGroups.values().stream().count() + groupSessions.size() + 1;
                group = enrolment.createGroup(new GroupCreate().programmeCode(programme.code())
                        .name("Demo " + programme.code() + " group " + number)
                        .startsOn(today.minusWeeks(programme.sessionCount() + 4L))
                        .facilitators(List.of(Gateway.FACILITATOR)));
                openGroups.put(programme.code(), group);
                groupSessions.put(group.getGroupId().toString(), new ArrayList<>());
                counts.add(PROGRAMME, "groups");
            }
            Referral enrolled = enrolment.enrol(referralId, new EnrolmentCreate().groupId(group.getGroupId()));
            groupMembers.merge(group.getGroupId().toString(), 1, Integer::sum);
            return enrolled;
        }
        int manager = 1;
        while (caseloads.getOrDefault(programme.code() + manager, 0) >= Math.max(1, programme.capacity())) {
            manager++;
        }
        caseloads.merge(programme.code() + manager, 1, Integer::sum);
        return enrolment.enrol(referralId, new EnrolmentCreate().caseManager(String.format("demo-case-manager-%02d", manager)));
    }

    private UUID groupSession(UUID groupId, int k, OffsetDateTime first, SessionsApi sessions) {
        List<UUID> held = groupSessions.computeIfAbsent(groupId.toString(), g -> new ArrayList<>());
        while (held.size() <= k) {
            held.add(sessions.scheduleSession(new SessionCreate().groupId(groupId).scheduledAt(first.plusWeeks(held.size())))
                    .getSessionId());
            counts.add(PROGRAMME, "sessions");
        }
        return held.get(k);
    }

    // ---- partner support: the partner support worker ----

    private Object partners(Loaded l, List<RaisedAlert> alerts) {
        uk.dapp.client.partnersupport.ApiClient psw = gateway.partnerSupport(Gateway.PARTNER_SUPPORT_WORKER);
        PartnerTracksApi tracks = new PartnerTracksApi(psw);
        int expected = l.person.partners().size();
        List<PartnerTrack> opened = until("the partner tracks of " + l.caseId, () -> {
            List<PartnerTrack> list = tracks.listPartnerTracks(l.caseId);
            return list.size() >= expected ? list : null;
        });
        for (PartnerPlan plan : l.person.partners()) {
            PartnerTrack track = opened.stream().filter(t -> plan.name().equals(t.getPartnerName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no track for a partner of " + l.caseId));
            counts.add(PARTNER, "partner tracks (opened through the outbox)");
            UUID trackId = track.getTrackId();
            try {
                tracks.allocatePartnerTrack(trackId, new Allocation().allocatedWorker(Gateway.PARTNER_SUPPORT_WORKER)
                        .version(track.getVersion()));
                counts.add(PARTNER, "tracks allocated");
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() != 409) {
                    throw e;
                }
            }
            work(psw, l, plan, track, alerts);
        }
        return null;
    }

    private void work(uk.dapp.client.partnersupport.ApiClient psw, Loaded l, PartnerPlan plan, PartnerTrack track,
            List<RaisedAlert> alerts) {
        UUID trackId = track.getTrackId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        OffsetDateTime from = track.getOpenedAt() == null ? now.minusMinutes(1) : track.getOpenedAt();
        long span = Math.max(1, Duration.between(from, now).toMillis());
        List<String> attempts = plan.contactAttempts();
        for (int a = 0; a < attempts.size(); a++) {
            new ContactAttemptsApi(psw).logContactAttempt(trackId, new ContactAttemptNew()
                    .attemptedAt(from.plusNanos(span * 1_000_000L * (a + 1) / (attempts.size() + 1)))
                    .method(a == 0 ? ContactMethod.PHONE : ContactMethod.TEXT_MESSAGE)
                    .outcome(ContactOutcome.fromValue(attempts.get(a))));
            counts.add(PARTNER, "contact attempts " + attempts.get(a));
        }
        if (!plan.reached()) {
            return;
        }
        ConsentApi consents = new ConsentApi(psw);
        if (plan.supportConsent()) {
            consents.recordConsent(trackId, new ConsentNew().type(ConsentType.SUPPORT).givenOn(today));
            counts.add(PARTNER, "consents to support");
        }
        if (!plan.sharingScopes().isEmpty()) {
            consents.recordConsent(trackId, new ConsentNew().type(ConsentType.INFORMATION_SHARING).givenOn(today)
                    .scope(plan.sharingScopes().stream().map(SharingScope::fromValue).collect(Collectors.toSet())));
            counts.add(PARTNER, "consents to information sharing");
        }
        List<DashAnswer> answers = new ArrayList<>();
        for (int q = 0; q < 24; q++) {
            answers.add(q < plan.dashYes() ? DashAnswer.YES : q < plan.dashYes() + plan.dashNotKnown() ? DashAnswer.NOT_KNOWN : DashAnswer.NO);
        }
        java.util.Collections.shuffle(answers, new java.util.Random(l.person.index() * 31L + plan.dashYes()));
        DashAssessmentNew dash = new DashAssessmentNew().answers(answers).completedOn(today)
                .incidentsInLast12Months(plan.incidentsInLast12Months());
        if (plan.judgement() != null) {
            dash.professionalJudgement(new ProfessionalJudgement().level(RiskLevel.fromValue(plan.judgement().name()))
                    .reason("escalating jealousy and new threats reported by the partner"));
        }
        DashAssessment assessed = new DashApi(psw).completeDashAssessment(trackId, dash);
        counts.add(PARTNER, "DASH assessments");
        if (plan.safetyPlan()) {
            new SafetyPlansApi(psw).createSafetyPlan(trackId, new SafetyPlanContent().reviewOn(today.plusWeeks(4))
                    .actions(List.of(new SafetyAction().description("agree a code word with a trusted neighbour").owner("partner"),
                            new SafetyAction().description("check the safe number and safe times").owner("partner support worker")
                                    .dueOn(today.plusDays(7)))));
            counts.add(PARTNER, "safety plans");
        }
        if (plan.disclosureCategory() != null) {
            Disclosure disclosure = new DisclosuresApi(psw).recordDisclosure(trackId, new DisclosureNew()
                    .disclosedOn(today.minusDays(l.person.index() % 20)).category(AbuseCategory.fromValue(plan.disclosureCategory()))
                    .riskLevel(RiskLevel.fromValue(plan.disclosureLevel().name()))
                    .account("synthetic account: an invented incident for the demo"));
            counts.add(PARTNER, "disclosures");
            if (disclosure.getAlertId() != null) {
                alerts.add(new RaisedAlert(l.caseId, disclosure.getAlertId(), l.person.journey().concernReviewed()));
            }
        }
        OutcomesApi outcomes = new OutcomesApi(psw);
        outcomes.recordOutcome(trackId, new OutcomeNew().point(OutcomePoint.INTAKE).recordedOn(today).measures(measures(plan.intake())));
        counts.add(PARTNER, "outcomes INTAKE");
        if (l.exited && plan.exit() != null) {
            outcomes.recordOutcome(trackId, new OutcomeNew().point(OutcomePoint.EXIT).recordedOn(today).measures(measures(plan.exit())));
            counts.add(PARTNER, "outcomes EXIT");
        }
        if (assessed != null) {
            counts.add(PARTNER, "tracks worked");
        }
    }

    private static OutcomeMeasures measures(PartnerPlan.Measures m) {
        return new OutcomeMeasures().cessationOfAbuse(m.cessationOfAbuse()).riskNow(m.riskNow()).feelingSafe(m.feelingSafe())
                .qualityOfLife(m.qualityOfLife()).childrensFear(m.childrensFear()).respectfulRelationship(m.respectfulRelationship())
                .spaceForAction(m.spaceForAction()).safetyAndFreedomFromViolence(m.safetyAndFreedomFromViolence())
                .safeSharedParenting(m.safeSharedParenting()).awarenessOfSelfAndOthers(m.awarenessOfSelfAndOthers())
                .saferChildhoods(m.saferChildhoods());
    }

    // ---- plumbing ----

    private static ProgrammeInfo info(Programme p) {
        Set<Level> levels = EnumSet.noneOf(Level.class);
        p.getEligibility().getRiskLevels().forEach(r -> levels.add(Level.valueOf(r.getValue())));
        return new ProgrammeInfo(p.getCode(), p.getType() == ProgrammeType.GROUP,
                p.getEligibility().getSexes().stream().map(Sex::getValue).collect(Collectors.toSet()),
                p.getEligibility().getMinimumAge(), levels, p.getSessionCount(), p.getNonComplianceThreshold(),
                p.getMiSessionCap() == null ? 1 : p.getMiSessionCap(), p.getCaseloadLimit() == null ? 0 : p.getCaseloadLimit());
    }

    /** Polls for an effect that arrives through an outbox (a 404 or nothing yet means: not yet). */
    private static <T> T until(String what, Supplier<T> read) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = read.get();
                if (value != null) {
                    return value;
                }
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() != 404) {
                    throw e;
                }
                last = e;
            }
            Gateway.sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("not within " + DELIVERY.toSeconds() + " s: " + what, last);
    }

    private <T> java.util.Optional<T> step(String what, Supplier<T> action) {
        try {
            return java.util.Optional.ofNullable(action.get());
        } catch (RuntimeException e) {
            String message = what + ": " + (e instanceof RestClientResponseException r
                    ? r.getStatusCode().value() + " " + r.getResponseBodyAsString() : e.getMessage());
            failures.add(message);
            log.println("  FAILED " + message);
            return java.util.Optional.empty();
        }
    }

}
