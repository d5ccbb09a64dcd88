package uk.dapp.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

class ServiceProblemTest {

    public static class Form {
        private String first;
        private String second;

        public String getFirst() {
            return first;
        }

        public String getSecond() {
            return second;
        }
    }

    private static ServiceProblem read(int status, String body) {
        return ServiceProblem.read(status, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyThatIsNotAProblemStillGivesTheStatus() {
        ServiceProblem problem = read(502, "<html>Bad gateway</html>");
        assertThat(problem.status()).isEqualTo(502);
        assertThat(problem.errors()).isEmpty();
        assertThat(read(500, "").title()).isNull();
    }

    @Test
    void otherPropertiesAreKeptAndListsRead() {
        ServiceProblem problem = read(
                409,
                "{\"title\":\"Conflict\",\"status\":409,\"currentStatus\":\"ENGAGED\","
                        + "\"allowedMoves\":[\"a\",\"b\"],\"correlationId\":\"c-1\"}");
        assertThat(problem.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of("currentStatus", "ENGAGED", "allowedMoves", "a, b"));
    }

    @Test
    void fieldErrorsLandOnTheFieldsInTheFormsOrderAndTheRestOnTheForm() {
        ServiceProblem problem = read(
                400,
                "{\"title\":\"Bad Request\",\"status\":400,\"errors\":["
                        + "{\"field\":\"second\",\"rule\":\"NotNull\",\"message\":\"must not be null\"},"
                        + "{\"field\":\"body\",\"rule\":\"Format\",\"message\":\"the body is not valid\"},"
                        + "{\"field\":\"first\",\"rule\":\"Size\",\"message\":\"too long\"}]}");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new Form(), "form");
        problem.addTo(errors);
        assertThat(errors.getFieldErrors())
                .extracting(e -> e.getField() + ":" + e.getCode() + ":" + e.getDefaultMessage())
                .containsExactly("first:Size:Too long", "second:NotNull:Must not be null");
        assertThat(errors.getGlobalErrors())
                .extracting(e -> e.getCode() + ":" + e.getDefaultMessage())
                .containsExactly("Format:The body is not valid");
    }

    @Test
    void aProblemWithoutFieldErrorsIsOneFormWideError() {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(new Form(), "form");
        read(400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"the request is not allowed now\"}")
                .addTo(errors);
        assertThat(errors.getGlobalErrors())
                .extracting(e -> e.getDefaultMessage())
                .containsExactly("The request is not allowed now");
    }

    @Test
    void theServiceIsKnownByThePathsPrefix() {
        assertThat(Service.ofPath("/api/risk-matrix/cohort")).isEqualTo(Service.RISK_MATRIX);
        assertThat(Service.ofPath("/api/partner-support/partner-tracks")).isEqualTo(Service.PARTNER_SUPPORT);
        assertThat(Service.ofPath("/api/cases/7KQM4X-ZP9RTD-2HBWJG")).isEqualTo(Service.GATEWAY);
    }
}
