package uk.dapp.e2e.riskmatrix;

import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.NominalUpdate;
import uk.dapp.e2e.support.Clients;

/** Steps of the offender manager's work on nominals that several tests take. */
public final class NominalSteps {

    private NominalSteps() {}

    /**
     * Registers the person as the demo offender manager (in the area given, one of the team's), then
     * hands the nominal over to another area with the same identity: an area no team covers, so that
     * its KPI rows count the test's own cases alone. Answers the nominal as registered.
     */
    public static Nominal registerThenHandOver(NominalCreate person, String area) {
        NominalsApi nominals = Clients.nominals("offender-manager");
        Nominal registered = nominals.createNominal(person);
        nominals.updateNominal(
                registered.getCaseId(),
                new NominalUpdate()
                        .givenName(person.getGivenName())
                        .familyName(person.getFamilyName())
                        .dateOfBirth(person.getDateOfBirth())
                        .policeId(person.getPoliceId())
                        .area(area)
                        .version(registered.getVersion()));
        return registered;
    }
}
