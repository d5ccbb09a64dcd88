package uk.dapp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.PathContainer;

class InternalPathFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/referrals",
                "/api/programme/cases/7KQM4X-ZP9RTD-2HBWJG/referrals",
                "/api/programme/case-eventsx/1",
                "/api/programme/my-case-events",
                "/api/programme/evaluators/1",
                "/api/outcomes/extract",
                "/api/partner-support/partner-tracks/T-1/disclosures",
                "/api/cases/7KQM4X-ZP9RTD-2HBWJG"
            })
    void leavesPublicPathsAlone(String path) {
        assertThat(InternalPathFilter.reachesInternal(PathContainer.parsePath(path)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/programme/case-events/risk-alerts/m-1",
                "/api/programme/Case-Events",
                "/api/programme/%43ase-events/x",
                "/api/programme/case-events;jsessionid=1/x",
                "/api/programme/a%2Fcase-events%2Fx",
                "/api/programme/a/..%3Bx/case-events/x",
                "/api/risk-matrix/evaluator/contributions",
                "/api/programme/EVALUATOR/contributions",
                "/api/partner-support/a%2Fevaluator%2Fcontributions"
            })
    void findsTheInternalSegmentHoweverItIsWritten(String path) {
        assertThat(InternalPathFilter.reachesInternal(PathContainer.parsePath(path)))
                .isTrue();
    }
}
