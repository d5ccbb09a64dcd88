package uk.dapp.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dapp.platform.caseid.CaseId;

class CaseIdCheckTest extends GatewayTest {

    private static final String VALID = CaseId.generate(new Random(7)).value();

    /** The valid ID with its check character changed: a typo. */
    private static final String BAD_CHECK = VALID.substring(0, VALID.length() - 1) + (VALID.endsWith("0") ? "1" : "0");

    private static final String WRONG_LENGTH = VALID.substring(0, VALID.length() - 1);
    private static final String BAD_CHARACTERS = "*" + VALID.substring(1);

    static Stream<Arguments> malformedInPaths() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String path : new String[] {
            "/api/risk-matrix/nominals/%s",
            "/api/programme/cases/%s/referrals",
            "/api/partner-support/cases/%s/partner-tracks"
        }) {
            cases.add(Arguments.of(path.formatted(BAD_CHECK), "CaseIdCheck"));
            cases.add(Arguments.of(path.formatted(WRONG_LENGTH), "CaseIdFormat"));
            cases.add(Arguments.of(path.formatted(BAD_CHARACTERS), "CaseIdFormat"));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInPaths")
    void refusesAMalformedCaseIdInThePath(String path, String rule) {
        assertInvalidCaseId(path, rule);
    }

    @Test
    void refusesAMalformedCaseIdInTheQuery() {
        assertInvalidCaseId("/api/programme/referrals?caseId=" + BAD_CHECK, "CaseIdCheck");
        assertInvalidCaseId("/api/partner-support/partner-tracks?status=OPEN&caseId=" + WRONG_LENGTH, "CaseIdFormat");
    }

    @Test
    void forwardsAValidCaseIdAsTyped() {
        Backends.wireMock().stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String typed = VALID.replace("-", "").toLowerCase();

        client.get()
                .uri("/api/risk-matrix/nominals/" + typed + "?caseId=" + VALID)
                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(RoutingTest.single(Backends.downstreamRequests()).getUrl())
                .isEqualTo("/nominals/" + typed + "?caseId=" + VALID);
    }

    @Test
    void asksForATokenBeforeLookingAtTheCaseId() {
        assertProblem(client.get().uri("/api/risk-matrix/nominals/" + BAD_CHECK).exchange(), 401);
        assertNothingForwarded();
    }

    private void assertInvalidCaseId(String uri, String rule) {
        assertProblem(
                        client.get()
                                .uri(uri)
                                .headers(headers -> headers.setBearerAuth(Tokens.valid()))
                                .exchange(),
                        400)
                .jsonPath("$.title")
                .isEqualTo("Invalid request")
                .jsonPath("$.type")
                .exists()
                .jsonPath("$.detail")
                .exists()
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("caseId")
                .jsonPath("$.errors[0].rule")
                .isEqualTo(rule)
                .jsonPath("$.errors[0].message")
                .isNotEmpty();
        assertNothingForwarded();
    }
}
