package uk.dapp.e2e.flows;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import uk.dapp.client.riskmatrix.ApiClient;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.api.RoutingApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.client.riskmatrix.model.Route;
import uk.dapp.client.riskmatrix.model.Routing;
import uk.dapp.client.riskmatrix.model.RoutingDecision;
import uk.dapp.client.riskmatrix.model.SuitabilityFacts;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;

/** Synthetic nominals taken through the risk matrix by an offender manager with a real token. */
final class FlowFixtures {

    static final String OM = "offender-manager";

    private FlowFixtures() {}

    /** A scored nominal, willing to engage, with the facts recorded; answers its case ID. */
    static String scoredNominal() {
        ApiClient om = RiskMatrixClients.as(OM);
        String caseId = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Fictional")
                        .familyName("Flowton")
                        .dateOfBirth(LocalDate.of(1986, 5, 17))
                        .policeId("24/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "F")
                        .area("Midwick"))
                .getCaseId();
        IncidentsApi incidents = new IncidentsApi(om);
        incidents.addIncident(caseId, incident(LocalDate.now().minusMonths(5), "EX-COMMON-ASSAULT", "VK-FLOW-A"));
        incidents.addIncident(caseId, incident(LocalDate.now().minusDays(9), "EX-ABH", "VK-FLOW-B"));
        new RoutingApi(om)
                .recordSuitabilityFacts(
                        caseId,
                        new SuitabilityFacts()
                                .willingToEngage(true)
                                .consentsToGpsTag(true)
                                .drugMisuse(false)
                                .alcoholMisuse(false)
                                .housingNeed(false)
                                .inCustody(false)
                                .existingOrders(false));
        return caseId;
    }

    /** Decides ENGAGE as recommended (the recommendation includes Drive for this nominal). */
    static Routing engage(String caseId) {
        return new RoutingApi(RiskMatrixClients.as(OM))
                .decideRouting(caseId, new RoutingDecision().route(Route.ENGAGE));
    }

    static String engagedNominal() {
        String caseId = scoredNominal();
        engage(caseId);
        return caseId;
    }

    static Routing routing(String caseId) {
        return new RoutingApi(RiskMatrixClients.as(OM)).getRouting(caseId);
    }

    /** A partner-support client through the gateway with a role's real token. */
    static uk.dapp.client.partnersupport.ApiClient partnerSupport(String role) {
        uk.dapp.client.partnersupport.ApiClient client =
                new uk.dapp.client.partnersupport.ApiClient(uk.dapp.e2e.support.Rest.CLIENT);
        client.setBasePath(uk.dapp.e2e.support.TheSystem.get().api("partner-support"));
        client.setBearerToken(uk.dapp.e2e.support.TheSystem.get().keycloak().tokenFor(role));
        return client;
    }

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
}
