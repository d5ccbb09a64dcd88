package uk.dapp.e2e.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uk.dapp.client.partnersupport.api.DashApi;
import uk.dapp.client.partnersupport.model.DashAnswer;
import uk.dapp.client.partnersupport.model.DashAssessmentNew;
import uk.dapp.client.partnersupport.model.PartnerTrack;
import uk.dapp.client.programme.model.MiSessionCreate;
import uk.dapp.client.programme.model.PartnerDetails;
import uk.dapp.client.programme.model.PartnersPassOn;
import uk.dapp.client.programme.model.Referral;
import uk.dapp.client.programme.model.TimelineEntry;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.NotificationsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Notification;
import uk.dapp.client.riskmatrix.model.NotificationKind;
import uk.dapp.client.riskmatrix.model.NotificationSubject;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.client.riskmatrix.model.Sex;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.e2e.programme.ProgrammeClients;
import uk.dapp.e2e.programme.ProgrammeSteps;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;
import uk.dapp.e2e.support.Clients;

/**
 * Routing between the risk matrix and the programmes as the partnerships practise it (issue 15), through
 * the gateway with real tokens and every effect through the outboxes: the matrix recommends only what the
 * catalogue takes (items 1, 2), a refused referral comes back with the programme's words (1), a police
 * incident and a partner's DASH at HIGH raise risk alerts in the programme (7, 8), and an assessment not
 * suitable, back for disruption, returns the nominal to the matrix (5).
 */
class PracticeRoutingE2ETest {

    private static final String OM = "offender-manager";
    private static final String FACILITATOR = "facilitator";
    private static final String PSW = "partner-support-worker";

    private static String nominal(Sex sex, String... mediumRiskVictims) {
        ApiClient om = RiskMatrixClients.as(OM);
        String caseId = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Practiceton")
                        .dateOfBirth(LocalDate.of(1985, 3, 9))
                        .sex(sex)
                        .policeId("24/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "P")
                        .area("Midwick"))
                .getCaseId();
        int daysAgo = 40;
        for (String victim : mediumRiskVictims) {
            incident(caseId, daysAgo, victim, DashLevel.MEDIUM);
            daysAgo -= 10;
        }
        new RoutingApi(om)
                .recordSuitabilityFacts(
                        caseId,
                        new SuitabilityFacts()
                                .willingToEngage(true)
                                .consentsToGpsTag(false)
                                .drugMisuse(false)
                                .alcoholMisuse(false)
                                .housingNeed(false)
                                .inCustody(false)
                                .existingOrders(false));
        return caseId;
    }

    private static void incident(String caseId, int daysAgo, String victim, DashLevel level) {
        new IncidentsApi(RiskMatrixClients.as(OM))
                .addIncident(
                        caseId,
                        new IncidentCreate()
                                .date(LocalDate.now().minusDays(daysAgo))
                                .type(IncidentType.DOMESTIC_ABUSE)
                                .offenceCode("EX-ABH")
                                .victimKey(victim)
                                .dashLevel(level)
                                .crime(true)
                                .outcome(Outcome.CHARGED));
    }

    private static Routing routing(String caseId) {
        return new RoutingApi(RiskMatrixClients.as(OM)).getRouting(caseId);
    }

    private static Referral referralOf(String caseId) {
        return Eventually.until(
                        "a referral from the risk matrix",
                        () -> Clients.referrals(FACILITATOR).listCaseReferrals(caseId),
                        list -> !list.isEmpty())
                .getFirst();
    }

    private static List<String> alerts(Referral referral) {
        return ProgrammeClients.views(FACILITATOR).getTimeline(referral.getReferralId()).stream()
                .filter(e -> e.getKind() == TimelineEntry.KindEnum.ALERT)
                .map(TimelineEntry::getSummary)
                .toList();
    }

    @Test
    void aSerialManAtMediumRiskIsAdvisedTheChangeGroup_policeAndPartnerRiskReachTheProgramme_andNotSuitableComesBack() {
        // item 1: serial (two victims) but at MEDIUM risk: Drive (HIGH only) is not advised, the Change group is
        String caseId = nominal(Sex.MALE, "VK-PR-A", "VK-PR-B");
        Routing advised = Eventually.until(
                "the advice made from the programmes' eligibility",
                () -> routing(caseId),
                r -> r.getRecommendation().getPathways().contains(Pathway.CHANGE_PROGRAMME));
        assertThat(advised.getRecommendation().getPathways()).doesNotContain(Pathway.DRIVE);
        assertThat(String.join(" ", advised.getRecommendation().getReasons()))
                .contains("Drive (DRIVE-1TO1) does not take");
        assertThat(advised.getRecommendation().getComputedAt()).isNotNull();
        new RoutingApi(RiskMatrixClients.as(OM)).decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE));
        Referral referral = referralOf(caseId);
        assertThat(referral.getProgrammeCode()).isEqualTo("CHANGE-GROUP");

        // item 7: a new police incident raises a risk alert in the programme
        incident(caseId, 1, "VK-PR-A", DashLevel.MEDIUM);
        assertThat(Eventually.until("the police incident's alert", () -> alerts(referral), list -> !list.isEmpty()))
                .singleElement()
                .asString()
                .contains("POLICE_INCIDENT");

        // item 8: the partner's DASH at HIGH raises a risk alert too, with no sharing consent (HIGH is shared)
        ProgrammeClients.referrals(FACILITATOR)
                .passOnPartners(
                        referral.getReferralId(),
                        new PartnersPassOn()
                                .partners(List.of(new PartnerDetails()
                                        .relationship(PartnerDetails.RelationshipEnum.CURRENT_PARTNER)
                                        .name("Fictional Practicepartner"))));
        PartnerTrack track = Eventually.until(
                        "a partner track",
                        () -> Clients.partnerTracks(PSW).listPartnerTracks(caseId),
                        list -> !list.isEmpty())
                .getFirst();
        List<DashAnswer> answers = new ArrayList<>(Collections.nCopies(24, DashAnswer.NO));
        for (int i = 0; i < 14; i++) {
            answers.set(i, DashAnswer.YES);
        }
        new DashApi(FlowFixtures.partnerSupport(PSW))
                .completeDashAssessment(
                        track.getTrackId(),
                        new DashAssessmentNew()
                                .answers(answers)
                                .completedOn(LocalDate.now())
                                .incidentsInLast12Months(1));
        List<String> both = Eventually.until("the DASH alert", () -> alerts(referral), list -> list.size() == 2);
        assertThat(String.join(" ", both)).contains("PARTNER_DASH_HIGH").doesNotContain("Practicepartner");

        // item 5: low motivation, motivational work used up, still low: not suitable, back to the matrix
        ProgrammeClients.suitability(FACILITATOR)
                .recordAssessment(referral.getReferralId(), ProgrammeSteps.assessment(1));
        int cap = ProgrammeClients.programmes(FACILITATOR)
                .getProgramme("CHANGE-GROUP")
                .getMiSessionCap();
        for (int i = 1; i <= cap; i++) {
            ProgrammeClients.suitability(FACILITATOR)
                    .recordMiSession(
                            referral.getReferralId(),
                            new MiSessionCreate().heldOn(LocalDate.now().minusDays(cap - i)));
        }
        ProgrammeClients.suitability(FACILITATOR)
                .recordAssessment(referral.getReferralId(), ProgrammeSteps.assessment(1));
        Routing back = Eventually.until(
                "the nominal back for a decision",
                () -> routing(caseId),
                r -> r.getStatus() == RoutingStatus.AWAITING_REROUTING);
        assertThat(back.getHistory().getLast().getMove()).isEqualTo("returned-for-disruption");
    }

    @Test
    void aWomanReachesTheWomensGroup_andAReferralTheProgrammeRefusesComesBackWithItsWords() {
        // item 2: a woman is advised the women's group, never the men-only Change group
        String woman = nominal(Sex.FEMALE, "VK-PR-W");
        Routing advised = Eventually.until(
                "the advice made from the programmes' eligibility",
                () -> routing(woman),
                r -> r.getRecommendation().getPathways().contains(Pathway.WOMENS_GROUP));
        assertThat(advised.getRecommendation().getPathways()).doesNotContain(Pathway.CHANGE_PROGRAMME);
        new RoutingApi(RiskMatrixClients.as(OM)).decideRouting(woman, new RoutingDecision().route(Route.ENGAGE));
        Referral referral = referralOf(woman);
        assertThat(referral.getProgrammeCode()).isEqualTo("WOMEN-GROUP");

        // item 1: an offender manager overrides the advice with Drive for a man at MEDIUM risk; Drive refuses
        String man = nominal(Sex.MALE, "VK-PR-M");
        new RoutingApi(RiskMatrixClients.as(OM))
                .decideRouting(
                        man,
                        new RoutingDecision()
                                .route(Route.ENGAGE)
                                .pathways(List.of(Pathway.OFFENDER_MANAGEMENT, Pathway.DRIVE))
                                .reason("e2e " + UUID.randomUUID()));
        Routing refused = Eventually.until(
                "the refusal back on the matrix",
                () -> routing(man),
                r -> r.getStatus() == RoutingStatus.AWAITING_REROUTING);
        assertThat(refused.getHistory().getLast().getMove()).isEqualTo("referral-refused");
        assertThat(refused.getHistory().getLast().getReason()).contains("riskLevel");
        assertThat(new RoutingApi(RiskMatrixClients.as(OM))
                        .listAwaitingRerouting(0, 200)
                        .getItems())
                .anySatisfy(item -> {
                    assertThat(item.getCaseId()).isEqualTo(man);
                    assertThat(item.getMove()).isEqualTo("referral-refused");
                });
        assertThat(Clients.referrals(FACILITATOR).listCaseReferrals(man)).isEmpty();
        // issue 16 item 8: the offender managers of his area are told that a referral was refused, once
        List<Notification> told =
                Eventually.until("the refusal's notification", () -> noticesOf(man), notices -> !notices.isEmpty());
        assertThat(told).singleElement().satisfies(notice -> {
            assertThat(notice.getKind()).isEqualTo(NotificationKind.REFERRAL_REFUSED);
            assertThat(notice.getSubject()).isEqualTo(NotificationSubject.NOMINAL);
            assertThat(notice.getWhatToDo()).contains("refused");
        });
        assertThat(new NotificationsApi(RiskMatrixClients.as("offender-manager-south"))
                        .listNotifications(null, 0, 100)
                        .getItems())
                .noneSatisfy(notice -> assertThat(notice.getCaseId()).isEqualTo(man));
    }

    /** The risk matrix's notifications about the case in the demo offender manager's inbox. */
    private static List<Notification> noticesOf(String caseId) {
        return new NotificationsApi(RiskMatrixClients.as(OM))
                .listNotifications(null, 0, 100).getItems().stream()
                        .filter(notice -> notice.getCaseId().equals(caseId))
                        .toList();
    }
}
