package uk.dapp.e2e.riskmatrix;

import java.time.LocalDate;
import uk.dapp.client.riskmatrix.api.NominalsApi;
import uk.dapp.client.riskmatrix.model.Nominal;
import uk.dapp.client.riskmatrix.model.NominalCreate;
import uk.dapp.client.riskmatrix.model.NominalUpdate;
import uk.dapp.e2e.support.Clients;

/** Steps of the offender manager's work on nominals that several tests take. */
public final class NominalSteps {

    private NominalSteps() {}

    /**
     * Registers the person as the demo offender manager, in Northshire (one of the team's areas),
     * then hands the nominal over to another area with the same identity: an area no team covers, so
     * that its KPI rows count the test's own cases alone. Answers the nominal as registered.
     */
    public static Nominal registerThenHandOver(
            String givenName, String familyName, LocalDate born, String policeId, String area) {
        NominalsApi nominals = Clients.nominals("offender-manager");
        Nominal registered = nominals.createNominal(new NominalCreate()
                .givenName(givenName)
                .familyName(familyName)
                .dateOfBirth(born)
                .policeId(policeId)
                .area("Northshire"));
        nominals.updateNominal(
                registered.getCaseId(),
                new NominalUpdate()
                        .givenName(givenName)
                        .familyName(familyName)
                        .dateOfBirth(born)
                        .policeId(policeId)
                        .area(area)
                        .version(registered.getVersion()));
        return registered;
    }
}
