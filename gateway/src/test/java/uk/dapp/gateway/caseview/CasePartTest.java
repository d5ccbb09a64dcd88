package uk.dapp.gateway.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.dapp.gateway.GatewayContract;
import uk.dapp.platform.contract.OpenApiContract;

class CasePartTest {

    @Test
    void eachPartIsTheServicesCaseLevelSummaryFromItsContract() {
        assertThat(CasePart.RISK_MATRIX.operation().key()).isEqualTo("GET /nominals/{caseId}/summary");
        assertThat(CasePart.PROGRAMME.operation().key()).isEqualTo("GET /cases/{caseId}/programme-status");
        assertThat(CasePart.PARTNER_SUPPORT.operation().key()).isEqualTo("GET /cases/{caseId}/partner-support-summary");
        assertThat(CasePart.PROGRAMME.pathFor("7KQM4X-ZP9RTD-2HBWJG"))
                .isEqualTo("/cases/7KQM4X-ZP9RTD-2HBWJG/programme-status");
    }

    @Test
    void theViewIsOfferedToExactlyTheRolesThatMaySeeAtLeastOnePart() {
        Set<String> anyPart = new TreeSet<>();
        CasePart.ALL.forEach(part -> anyPart.addAll(part.operation().roles()));
        OpenApiContract.Operation view = GatewayContract.load().operations().stream()
                .filter(operation -> "getCaseView".equals(operation.operationId()))
                .findFirst()
                .orElseThrow();

        assertThat(new TreeSet<>(view.roles())).isEqualTo(anyPart);
    }

    @Test
    void aRoleIsServedAPartOnlyWhenItsContractSaysSo() {
        assertThat(CasePart.RISK_MATRIX.servesAnyOf(Set.of("partner-support-worker")))
                .isFalse();
        assertThat(CasePart.RISK_MATRIX.servesAnyOf(Set.of("partner-support-worker", "facilitator")))
                .isTrue();
        assertThat(CasePart.PROGRAMME.servesAnyOf(Set.of("offender-manager"))).isFalse();
        assertThat(CasePart.PARTNER_SUPPORT.servesAnyOf(Set.of())).isFalse();
    }
}
