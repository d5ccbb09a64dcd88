package uk.dapp.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.load("contract-test/service.yaml");

    private OpenApiContract.Operation operation(String id) {
        return contract.operations().stream()
                .filter(o -> id.equals(o.operationId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPathItemDefinedInAnotherFileIsFollowedWithItsRolesAndHeaders() {
        OpenApiContract.Operation shared = operation("getShared");
        assertThat(shared.key()).isEqualTo("GET /shared");
        assertThat(shared.roles()).containsExactly("admin", "evaluator");
        // its own local $ref resolves in the file it is written in; optional headers are not required
        assertThat(shared.requiredHeaders()).containsExactly("X-Trace");
    }

    @Test
    void headersRequiredByThePathItemCountForItsOperations() {
        assertThat(operation("getThing").requiredHeaders()).containsExactly("X-Access-Reason");
    }

    @Test
    void aReferenceToNothingIsAnError() {
        assertThatThrownBy(() -> OpenApiContract.load("contract-test/broken.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("points at nothing");
    }
}
