package uk.dapp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.dapp.e2e.support.Http;
import uk.dapp.e2e.support.TheSystem;
import uk.dapp.platform.caseid.CaseId;

/** A mistyped case ID is refused at the gateway with 400 problem+json naming the field and the rule. */
class CaseIdE2ETest {

    private final TheSystem system = TheSystem.get();

    private static String mistyped() {
        String good = CaseId.generate(new SecureRandom()).value();
        char last = good.charAt(good.length() - 1);
        return good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    @Test
    void everyServicesCasePathsRefuseAMalformedCaseId() {
        List<String[]> paths = List.of(
                new String[] {"risk-matrix", "/nominals/%s", "offender-manager"},
                new String[] {"programme", "/cases/%s/referrals", "facilitator"},
                new String[] {"partner-support", "/cases/%s/partner-tracks", "partner-support-worker"});
        for (String[] path : paths) {
            for (String bad : List.of(mistyped(), "ABC", "UUUUUU-UUUUUU-UUUUUU")) {
                HttpResponse<String> response = Http.get(
                        system.api(path[0]) + path[1].formatted(bad),
                        system.keycloak().tokenFor(path[2]));
                assertThat(response.statusCode()).as(path[0] + " " + bad).isEqualTo(400);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .contains("application/problem+json");
                assertThat(response.body()).contains("\"field\":\"caseId\"");
            }
        }
    }

    @Test
    void aWellFormedCaseIdTypedCasuallyIsAccepted() {
        String caseId =
                CaseId.generate(new SecureRandom()).value().toLowerCase().replace("-", "");
        HttpResponse<String> response = Http.get(
                system.api("programme") + "/cases/" + caseId + "/referrals",
                system.keycloak().tokenFor("facilitator"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }
}
