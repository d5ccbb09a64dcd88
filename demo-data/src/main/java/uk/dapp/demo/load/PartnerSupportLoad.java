package uk.dapp.demo.load;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.partnersupport.api.ConsentApi;
import uk.dapp.client.partnersupport.api.ContactAttemptsApi;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.api.DisclosuresApi;
import uk.dapp.client.partnersupport.api.MaracApi;
import uk.dapp.client.partnersupport.api.OutcomesApi;
import uk.dapp.client.partnersupport.api.PartnerTracksApi;
import uk.dapp.client.partnersupport.api.SafetyPlansApi;
import uk.dapp.client.partnersupport.model.*;
import uk.dapp.client.programme.api.AlertsApi;
import uk.dapp.client.programme.model.AlertReviewCreate;
import uk.dapp.demo.plan.PartnerPlan;

/** The partner support worker's work with the partners the programme passed on, and the alerts it raises. */
final class PartnerSupportLoad {

    private final Gateway gateway;
    private final Counts counts;
    private final LocalDate today;
    private final HandEscalations escalations;

    PartnerSupportLoad(LoadContext context) {
        this.escalations = context.escalations();
        this.gateway = context.gateway();
        this.counts = context.counts();
        this.today = context.today();
    }

    /** A disclosure's risk alert, and whether the service manager reviews it once it reaches the programme. */
    record RaisedAlert(String caseId, UUID alertId, boolean review, DemoTeam team, int personIndex) {}

    /**
     * Waits until partner support has settled the alert (delivered to the programme, or withheld
     * because the partner's sharing consent does not cover it and the risk is below HIGH), as its
     * worker sees it; a delivered one is reviewed by the service manager when the plan says so, and the
     * first of a team left unreviewed is escalated by hand ({@link HandEscalations}).
     */
    Object settle(RaisedAlert alert) {
        DisclosuresApi disclosures =
                new DisclosuresApi(gateway.partnerSupport(alert.team().partnerSupportWorker()));
        RiskAlert settled = Arrivals.until(
                "risk alert " + alert.alertId() + " delivered or withheld",
                () -> disclosures.listRiskAlerts(alert.caseId()).stream()
                        .filter(a -> a.getAlertId().equals(alert.alertId()) && a.getStatus() != OutboxStatus.PENDING)
                        .findFirst()
                        .orElse(null));
        switch (settled.getStatus()) {
            case DELIVERED -> {
                counts.add(Loader.PARTNER, "risk alerts delivered to the programme");
                if (alert.review()) {
                    new AlertsApi(gateway.programme(alert.team().serviceManager()))
                            .reviewAlert(
                                    alert.alertId(),
                                    new AlertReviewCreate()
                                            .actionsTaken(
                                                    "safety plan checked with the partner support worker; discussed at the next session"));
                    counts.add(Loader.PROGRAMME, "risk alerts reviewed (from disclosures)");
                } else {
                    escalations.offer(
                            HandEscalations.AFTER_CONCERNS + alert.personIndex(),
                            alert.alertId(),
                            alert.team(),
                            "in today's session he said he knows where she is staying: this cannot wait for the review");
                }
            }
            case WITHHELD -> counts.add(Loader.PARTNER, "risk alerts withheld (no sharing consent, below HIGH)");
            default ->
                throw new IllegalStateException(
                        "risk alert " + alert.alertId() + " " + settled.getStatus() + ": " + settled.getStatusReason());
        }
        return null;
    }

    /** The worker's work with this person's partners; the risk alerts it raised. */
    List<RaisedAlert> partners(Loaded l) {
        List<RaisedAlert> alerts = new ArrayList<>();
        uk.dapp.client.partnersupport.ApiClient psw =
                gateway.partnerSupport(l.team().partnerSupportWorker());
        PartnerTracksApi tracks = new PartnerTracksApi(psw);
        int expected = l.person.partners().size();
        List<PartnerTrack> opened = Arrivals.until("the partner tracks of " + l.caseId, () -> {
            List<PartnerTrack> list = tracks.listPartnerTracks(l.caseId);
            return list.size() >= expected ? list : null;
        });
        for (PartnerPlan plan : l.person.partners()) {
            PartnerTrack track = opened.stream()
                    .filter(t -> plan.name().equals(t.getPartnerName()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no track for a partner of " + l.caseId));
            counts.add(Loader.PARTNER, "partner tracks (opened through the outbox)");
            UUID trackId = track.getTrackId();
            try {
                tracks.allocatePartnerTrack(
                        trackId,
                        new Allocation()
                                .allocatedWorker(l.team().partnerSupportWorker())
                                .version(track.getVersion()));
                counts.add(Loader.PARTNER, "tracks allocated");
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() != 409) {
                    throw e;
                }
            }
            work(psw, l, plan, track, alerts);
        }
        return alerts;
    }

    private void work(
            uk.dapp.client.partnersupport.ApiClient psw,
            Loaded l,
            PartnerPlan plan,
            PartnerTrack track,
            List<RaisedAlert> alerts) {
        UUID trackId = track.getTrackId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        OffsetDateTime from = track.getOpenedAt() == null ? now.minusMinutes(1) : track.getOpenedAt();
        long span = Math.max(1, Duration.between(from, now).toMillis());
        List<String> attempts = plan.contactAttempts();
        for (int a = 0; a < attempts.size(); a++) {
            new ContactAttemptsApi(psw)
                    .logContactAttempt(
                            trackId,
                            new ContactAttemptNew()
                                    .attemptedAt(from.plusNanos(span * 1_000_000L * (a + 1) / (attempts.size() + 1)))
                                    .method(a == 0 ? ContactMethod.PHONE : ContactMethod.TEXT_MESSAGE)
                                    .outcome(ContactOutcome.fromValue(attempts.get(a))));
            counts.add(Loader.PARTNER, "contact attempts " + attempts.get(a));
        }
        if (!plan.reached()) {
            return;
        }
        ConsentApi consents = new ConsentApi(psw);
        if (plan.supportConsent()) {
            consents.recordConsent(
                    trackId, new ConsentNew().type(ConsentType.SUPPORT).givenOn(today));
            counts.add(Loader.PARTNER, "consents to support");
        }
        if (!plan.sharingScopes().isEmpty()) {
            consents.recordConsent(
                    trackId,
                    new ConsentNew()
                            .type(ConsentType.INFORMATION_SHARING)
                            .givenOn(today)
                            .scope(plan.sharingScopes().stream()
                                    .map(SharingScope::fromValue)
                                    .collect(Collectors.toSet())));
            counts.add(Loader.PARTNER, "consents to information sharing");
        }
        List<DashAnswer> answers = new ArrayList<>();
        for (int q = 0; q < 24; q++) {
            answers.add(
                    q < plan.dashYes()
                            ? DashAnswer.YES
                            : q < plan.dashYes() + plan.dashNotKnown() ? DashAnswer.NOT_KNOWN : DashAnswer.NO);
        }
        java.util.Collections.shuffle(answers, new java.util.Random(l.person.index() * 31L + plan.dashYes()));
        DashAssessmentNew dash = new DashAssessmentNew()
                .answers(answers)
                .completedOn(today)
                .incidentsInLast12Months(plan.incidentsInLast12Months());
        if (plan.judgement() != null) {
            dash.professionalJudgement(new ProfessionalJudgement()
                    .level(RiskLevel.fromValue(plan.judgement().name()))
                    .reason("escalating jealousy and new threats reported by the partner"));
        }
        DashAssessment assessed = new DashApi(psw).completeDashAssessment(trackId, dash);
        counts.add(Loader.PARTNER, "DASH assessments");
        if (assessed.getRiskLevel() == RiskLevel.HIGH || l.person.index() % 5 == 0) {
            marac(psw, l, trackId, assessed.getRiskLevel() == RiskLevel.HIGH);
        }
        // a safety plan and her outcomes are support: recorded only with her consent to support
        if (!plan.supportConsent()) {
            counts.add(Loader.PARTNER, "tracks without consent to support (contact, DASH and disclosures only)");
        }
        if (plan.safetyPlan() && plan.supportConsent()) {
            new SafetyPlansApi(psw)
                    .createSafetyPlan(
                            trackId,
                            new SafetyPlanContent()
                                    .reviewOn(today.plusWeeks(4))
                                    .actions(List.of(
                                            new SafetyAction()
                                                    .description("agree a code word with a trusted neighbour")
                                                    .owner("partner"),
                                            new SafetyAction()
                                                    .description("check the safe number and safe times")
                                                    .owner("partner support worker")
                                                    .dueOn(today.plusDays(7)))));
            counts.add(Loader.PARTNER, "safety plans");
        }
        if (plan.disclosureCategory() != null) {
            Disclosure disclosure = new DisclosuresApi(psw)
                    .recordDisclosure(
                            trackId,
                            new DisclosureNew()
                                    .disclosedOn(today.minusDays(l.person.index() % 20))
                                    .category(AbuseCategory.fromValue(plan.disclosureCategory()))
                                    .riskLevel(RiskLevel.fromValue(
                                            plan.disclosureLevel().name()))
                                    .account("synthetic account: an invented incident for the demo"));
            counts.add(Loader.PARTNER, "disclosures");
            if (disclosure.getAlertId() != null) {
                alerts.add(new RaisedAlert(
                        l.caseId,
                        disclosure.getAlertId(),
                        l.person.journey().concernReviewed(),
                        l.team(),
                        l.person.index()));
            }
        }
        if (!plan.supportConsent()) {
            return;
        }
        OutcomesApi outcomes = new OutcomesApi(psw);
        outcomes.recordOutcome(
                trackId,
                new OutcomeNew().point(OutcomePoint.INTAKE).recordedOn(today).measures(measures(plan.intake())));
        counts.add(Loader.PARTNER, "outcomes INTAKE");
        if (l.exited && plan.exit() != null) {
            outcomes.recordOutcome(
                    trackId,
                    new OutcomeNew().point(OutcomePoint.EXIT).recordedOn(today).measures(measures(plan.exit())));
            counts.add(Loader.PARTNER, "outcomes EXIT");
        }
        if (assessed != null) {
            counts.add(Loader.PARTNER, "tracks worked");
        }
    }

    /**
     * A MARAC referral for a partner at high risk (or, for a few others, on the worker's judgement), in one
     * of four states the worker's day shows: past the 14-day standard with no date, a meeting tomorrow (near:
     * its worker is notified), a meeting in ten days, and heard with actions agreed, owned and dated.
     */
    private void marac(uk.dapp.client.partnersupport.ApiClient psw, Loaded l, UUID trackId, boolean highRisk) {
        MaracApi marac = new MaracApi(psw);
        int variant = l.person.index() % 4;
        String judgement = highRisk && variant != 0
                ? null
                : "threats to kill and stalking since the separation; the worker judges the risk high";
        MaracReferralNew referral = new MaracReferralNew()
                .referredOn(variant == 0 ? today.minusDays(16) : today)
                .professionalJudgementReason(judgement);
        switch (variant) {
            case 1 -> referral.meetingOn(today.plusDays(1));
            case 2 -> referral.meetingOn(today.plusDays(10));
            case 3 -> referral.meetingOn(today);
            default -> {}
        }
        MaracReferral made = marac.referToMarac(trackId, referral);
        counts.add(Loader.PARTNER, "MARAC referrals");
        if (variant == 3) {
            marac.updateMaracReferral(
                    made.getMaracReferralId(),
                    new MaracReferralUpdate()
                            .meetingOn(today)
                            .actions(List.of(
                                    new MaracAction()
                                            .description("flag the address for an urgent police response")
                                            .owner("Police")
                                            .dueOn(today.plusDays(2)),
                                    new MaracAction()
                                            .description("expedite the move to the refuge place")
                                            .owner("Housing")
                                            .dueOn(today.plusDays(14))))
                            .outcome(MaracOutcome.HEARD_ACTIONS_AGREED)
                            .outcomeNote("heard at the demo MARAC")
                            .version(made.getVersion()));
            counts.add(Loader.PARTNER, "MARAC referrals heard with actions agreed");
        }
    }

    private static OutcomeMeasures measures(PartnerPlan.Measures m) {
        return new OutcomeMeasures()
                .cessationOfAbuse(m.cessationOfAbuse())
                .riskNow(m.riskNow())
                .feelingSafe(m.feelingSafe())
                .qualityOfLife(m.qualityOfLife())
                .childrensFear(m.childrensFear())
                .respectfulRelationship(m.respectfulRelationship())
                .spaceForAction(m.spaceForAction())
                .safetyAndFreedomFromViolence(m.safetyAndFreedomFromViolence())
                .safeSharedParenting(m.safeSharedParenting())
                .awarenessOfSelfAndOthers(m.awarenessOfSelfAndOthers())
                .saferChildhoods(m.saferChildhoods());
    }
}
