package uk.dapp.e2e.riskmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClientResponseException;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.CohortApi;
import uk.dapp.client.riskmatrix.api.DisruptionTasksApi;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.OnwardReferralsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.api.ScoresApi;
import uk.dapp.client.riskmatrix.api.WorkApi;
import uk.dapp.client.riskmatrix.model.CaseSummary;
import uk.dapp.client.riskmatrix.model.CohortEntry;
import uk.dapp.client.riskmatrix.model.CohortPage;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.DisruptionTaskKind;
import uk.dapp.client.riskmatrix.model.DisruptionTasksOpen;
import uk.dapp.client.riskmatrix.model.IncidentAdded;
import uk.dapp.client.riskmatrix.model.IncidentContribution;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.OnwardReferral;
import uk.dapp.client.riskmatrix.model.OnwardReferralCreate;
import uk.dapp.client.riskmatrix.model.OnwardReferralStatus;
import uk.dapp.client.riskmatrix.model.OnwardReferralStatusUpdate;
import uk.dapp.client.riskmatrix.model.OnwardReferralType;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Pathway;
import uk.dapp.client.riskmatrix.model.Reroute;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.RoutingStatus;
import uk.dapp.client.riskmatrix.model.Score;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;

/**
 * The offender manager's journey through the gateway with real tokens: register a nominal, add
 * incidents, see the rank and the explanation, record facts, see the recommendation, decide with
 * and without an override reason, re-route; a facilitator sees the summary only. An engaged HIGH-risk
 * nominal gets disruption tasks (Drive's strand) and an onward referral tracked to its outcome.
 */
class RiskMatrixJourneyE2ETest {

    private static final String OM = "offender-manager";

    private static IncidentCreate incident(LocalDate date, String offence, String victim) {
        return new IncidentCreate()
                .date(date)
                .type(IncidentType.DOMESTIC_ABUSE)
                .offenceCode(offence)
                .victimKey(victim)
                .dashLevel(DashLevel.HIGH)
                .crime(true)
                .outcome(Outcome.CHARGED);
    }

    @Test
    void anOffenderManagerScoresRanksAndRoutesANominal() {
        ApiClient om = RiskMatrixClients.as(OM);
        // an area of the demo offender manager's team (north); other tests' nominals share it
        String area = "Northshire";
        Nominal nominal = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Rankington")
                        .dateOfBirth(LocalDate.of(1984, 7, 1))
                        .policeId("23/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "R")
                        .area(area));
        String caseId = nominal.getCaseId();
        assertThat(nominal.getRoutingStatus()).isEqualTo(RoutingStatus.AWAITING_DECISION);

        IncidentsApi incidents = new IncidentsApi(om);
        incidents.addIncident(caseId, incident(LocalDate.now().minusMonths(7), "EX-COMMON-ASSAULT", "VK-E2E-A"));
        IncidentAdded added =
                incidents.addIncident(caseId, incident(LocalDate.now().minusDays(3), "EX-ABH", "VK-E2E-B"));
        assertThat(added.getScore().getSerial()).isTrue();
        assertThat(added.getScore().getIncidents()).hasSize(2);

        // a second, lower-scoring nominal in the same area
        String other = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Lowerton")
                        .dateOfBirth(LocalDate.of(1990, 1, 1))
                        .policeId("23/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "L")
                        .area(area))
                .getCaseId();
        incidents.addIncident(other, incident(LocalDate.now().minusMonths(20), "EX-CRIM-DAMAGE", "VK-E2E-C"));

        CohortPage cohort = new CohortApi(om).getCohort(null, null, area, null, null, 0, 200);
        List<CohortEntry> ours = cohort.getItems().stream()
                .filter(member -> List.of(caseId, other).contains(member.getCaseId()))
                .toList();
        assertThat(ours).extracting(CohortEntry::getCaseId).containsExactly(caseId, other);
        assertThat(ours.getFirst().getRank()).isLessThan(ours.get(1).getRank());

        Score score = new ScoresApi(om).getScore(caseId);
        assertThat(score.getTotal())
                .isEqualTo(score.getRecency().getPoints()
                        + score.getFrequency().getPoints()
                        + score.getGravity().getPoints()
                        + score.getVictims().getPoints());
        assertThat(score.getGravity().getPoints())
                .isEqualTo(score.getIncidents().stream()
                        .mapToInt(IncidentContribution::getGravityPoints)
                        .sum());
        assertThat(score.getHarmDays())
                .isEqualTo(score.getIncidents().stream()
                        .mapToInt(IncidentContribution::getHarmDays)
                        .sum());
        assertThat(score.getSerialBasis()).contains("serial perpetrator");

        RoutingApi routing = new RoutingApi(om);
        Routing withFacts = routing.recordSuitabilityFacts(
                caseId,
                new SuitabilityFacts()
                        .willingToEngage(true)
                        .consentsToGpsTag(true)
                        .drugMisuse(false)
                        .alcoholMisuse(true)
                        .housingNeed(false)
                        .inCustody(false)
                        .existingOrders(false));
        assertThat(withFacts.getRecommendation().getRoute()).isEqualTo(Route.ENGAGE);
        assertThat(withFacts.getRecommendation().getPathways())
                .contains(Pathway.DRIVE, Pathway.ALCOHOL_GROUP, Pathway.GPS_TAG, Pathway.OFFENDER_MANAGEMENT);
        assertThat(withFacts.getRecommendation().getReasons()).isNotEmpty();

        assertThatThrownBy(() -> routing.decideRouting(caseId, new RoutingDecision().route(Route.CATCH_AND_CONVICT)))
                .isInstanceOfSatisfying(RestClientResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getResponseBodyAsString())
                            .contains("OverrideReason")
                            .contains("reason");
                });
        Routing disrupt = routing.decideRouting(
                caseId,
                new RoutingDecision()
                        .route(Route.CATCH_AND_CONVICT)
                        .reason("intelligence of an imminent risk to the new partner"));
        assertThat(disrupt.getStatus()).isEqualTo(RoutingStatus.CATCH_AND_CONVICT);
        assertThat(disrupt.getOverridesRecommendation()).isTrue();
        assertThat(disrupt.getTasks()).hasSize(5);
        assertThat(disrupt.getHistory().getLast().getBy()).isEqualTo("demo-offender-manager");

        Routing back = routing.rerouteNominal(
                caseId, new Reroute().kind(Reroute.KindEnum.AGREES_TO_ENGAGE).reason("agreed to engage after arrest"));
        assertThat(back.getStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
        Routing engaged = routing.decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE));
        assertThat(engaged.getStatus()).isEqualTo(RoutingStatus.ENGAGED);
        assertThat(engaged.getOverridesRecommendation()).isFalse();
        assertThat(engaged.getDecidedPathways()).contains(Pathway.DRIVE);
        assertThatThrownBy(() -> routing.decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE)))
                .isInstanceOfSatisfying(RestClientResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    assertThat(e.getResponseBodyAsString()).contains("engagement-failed");
                });
        Routing failed = routing.rerouteNominal(
                caseId, new Reroute().kind(Reroute.KindEnum.ENGAGEMENT_FAILED).reason("stopped attending"));
        assertThat(failed.getStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThat(failed.getHistory()).hasSize(4);

        ApiClient facilitator = RiskMatrixClients.as("facilitator");
        CaseSummary summary = new NominalsApi(facilitator).getCaseSummary(caseId);
        assertThat(summary.getRoutingStatus()).isEqualTo(RoutingStatus.AWAITING_REROUTING);
        assertThat(summary.getDecidedRoute()).isEqualTo(Route.ENGAGE);
        assertThat(summary.getScore().getSerial()).isTrue();
        assertThatThrownBy(() -> new IncidentsApi(facilitator).listIncidents(caseId))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }

    @Test
    void anEngagedHighRiskNominalIsReferredOnAndDisruptedAlongsideTheProgramme() {
        ApiClient om = RiskMatrixClients.as(OM);
        String caseId = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Onwardson")
                        .dateOfBirth(LocalDate.of(1986, 2, 2))
                        .policeId("23/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "O")
                        .area("Northshire"))
                .getCaseId();
        new IncidentsApi(om).addIncident(caseId, incident(LocalDate.now().minusMonths(2), "EX-ABH", "VK-E2E-O"));
        RoutingApi routing = new RoutingApi(om);
        routing.recordSuitabilityFacts(
                caseId,
                new SuitabilityFacts()
                        .willingToEngage(true)
                        .consentsToGpsTag(false)
                        .drugMisuse(false)
                        .alcoholMisuse(false)
                        .housingNeed(true)
                        .inCustody(false)
                        .existingOrders(false));
        assertThat(routing.decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE))
                        .getStatus())
                .isEqualTo(RoutingStatus.ENGAGED);

        // Drive's disruption strand: engaged at HIGH risk, disruption tasks beside the one-to-one work
        Routing disrupted = new DisruptionTasksApi(om)
                .openDisruptionTasks(
                        caseId, new DisruptionTasksOpen().kinds(List.of(DisruptionTaskKind.OUTSTANDING_WARRANTS)));
        assertThat(disrupted.getStatus()).isEqualTo(RoutingStatus.ENGAGED);
        assertThat(disrupted.getTasks()).singleElement().satisfies(task -> {
            assertThat(task.getKind()).isEqualTo(DisruptionTaskKind.OUTSTANDING_WARRANTS);
            assertThat(task.getOwner()).isEqualTo("demo-offender-manager");
        });

        // the Engage route's housing option, tracked to its outcome
        OnwardReferralsApi onward = new OnwardReferralsApi(om);
        OnwardReferral made = onward.makeOnwardReferral(
                caseId,
                new OnwardReferralCreate()
                        .type(OnwardReferralType.HOUSING)
                        .provider("Northshire Housing Options")
                        .madeOn(LocalDate.now())
                        .followUpDate(LocalDate.now()));
        assertThat(made.getStatus()).isEqualTo(OnwardReferralStatus.MADE);
        assertThat(made.getFollowUpDue()).isTrue();
        assertThatThrownBy(() -> onward.makeOnwardReferral(
                        caseId,
                        new OnwardReferralCreate()
                                .type(OnwardReferralType.HOUSING)
                                .madeOn(LocalDate.now())
                                .followUpDate(LocalDate.now())))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        assertThat(new WorkApi(om).getMyRiskMatrixWork(50).getOnwardReferrals().getItems())
                .anySatisfy(due -> assertThat(due.getReferralId()).isEqualTo(made.getReferralId()));
        onward.recordOnwardReferralStatus(
                caseId, made.getReferralId(), new OnwardReferralStatusUpdate().status(OnwardReferralStatus.ACCEPTED));
        assertThatThrownBy(() -> onward.recordOnwardReferralStatus(
                        caseId,
                        made.getReferralId(),
                        new OnwardReferralStatusUpdate().status(OnwardReferralStatus.COMPLETED)))
                .isInstanceOfSatisfying(RestClientResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getResponseBodyAsString()).contains("OutcomeRequired");
                });
        OnwardReferral completed = onward.recordOnwardReferralStatus(
                caseId,
                made.getReferralId(),
                new OnwardReferralStatusUpdate()
                        .status(OnwardReferralStatus.COMPLETED)
                        .outcome("housed out of area"));
        assertThat(completed.getHistory())
                .extracting(h -> h.getTo() + " by " + h.getBy())
                .containsExactly(
                        "MADE by demo-offender-manager",
                        "ACCEPTED by demo-offender-manager",
                        "COMPLETED by demo-offender-manager");
        assertThat(onward.listOnwardReferrals(caseId).getItems())
                .singleElement()
                .satisfies(r -> assertThat(r.getOutcome()).isEqualTo("housed out of area"));

        // another team's offender manager does not find him; a facilitator may not read it
        assertThatThrownBy(() -> new OnwardReferralsApi(RiskMatrixClients.as("offender-manager-south"))
                        .listOnwardReferrals(caseId))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(
                        () -> new OnwardReferralsApi(RiskMatrixClients.as("facilitator")).listOnwardReferrals(caseId))
                .isInstanceOfSatisfying(
                        RestClientResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(403));
    }
}
