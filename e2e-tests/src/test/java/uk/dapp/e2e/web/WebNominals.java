package uk.dapp.e2e.web;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.dapp.client.riskmatrix.api.IncidentsApi;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.model.DashLevel;
import uk.dapp.client.riskmatrix.model.IncidentCreate;
import uk.dapp.client.riskmatrix.model.IncidentType;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.Outcome;
import uk.dapp.e2e.riskmatrix.RiskMatrixClients;

/**
 * A nominal for a browser test, registered through the gateway with the offender manager's token
 * (registering is not a screen yet), with one incident, in an area of the demo offender manager's
 * team (north): he sees only the nominals of his team's areas (ADR 0012), so other tests' nominals
 * share it. The family name is the test's own.
 */
record WebNominals(String caseId, String givenName, String familyName, String area) {

    static WebNominals registerWithOneIncident() {
        var om = RiskMatrixClients.as("offender-manager");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String area = "Midwick";
        Nominal nominal = new NominalsApi(om)
                .createNominal(new NominalCreate()
                        .givenName("Browsy")
                        .familyName("Clickworth" + suffix)
                        .dateOfBirth(LocalDate.of(1988, 5, 17))
                        .policeId("24/" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "W")
                        .area(area));
        new IncidentsApi(om)
                .addIncident(
                        nominal.getCaseId(),
                        new IncidentCreate()
                                .date(LocalDate.now().minusMonths(8))
                                .type(IncidentType.DOMESTIC_ABUSE)
                                .offenceCode("EX-COMMON-ASSAULT")
                                .victimKey("VK-WEB-" + suffix + "-A")
                                .dashLevel(DashLevel.MEDIUM)
                                .crime(true)
                                .outcome(Outcome.CHARGED));
        return new WebNominals(nominal.getCaseId(), nominal.getGivenName(), nominal.getFamilyName(), area);
    }

    String name() {
        return givenName + " " + familyName;
    }
}
