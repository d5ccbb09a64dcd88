package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.ServiceProcess;
import uk.dapp.e2e.support.TheSystem;

/** What a service acknowledged is still there after the service is killed with SIGKILL and started again. */
class StoreSurvivesKillE2ETest {

    @Test
    void nominalsAcknowledgedJustBeforeAKillAreReadableAfterRestart() {
        TheSystem system = TheSystem.get();
        String token = system.keycloak().tokenFor("offender-manager");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created =
                    Http.send("POST", system.api("risk-matrix") + "/nominals", token, """
                    {"givenName":"Crash","familyName":"Testperson","dateOfBirth":"1980-05-05",
                     "policeId":"30/%dK","area":"Northshire"}""".formatted(
                                    ThreadLocalRandom.current().nextInt(1, 9_999_999)));
            assertThat(created.statusCode()).isEqualTo(201);
            acknowledged.add(created.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1"));
        }
        ServiceProcess service = system.service("risk-matrix-service");
        service.kill();
        service.restart();
        for (String caseId : acknowledged) {
            assertThat(Http.get(system.api("risk-matrix") + "/nominals/" + caseId, token)
                            .statusCode())
                    .as(caseId)
                    .isEqualTo(200);
        }
    }
}
