package uk.dapp.gateway.caseid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;

class CaseIdPathsTest {

    private final CaseIdPaths paths = new CaseIdPaths();

    @Test
    void readsEveryCaseIdPathFromTheContractsUnderItsRoutePrefix() {
        assertThat(paths.templates())
                .contains(
                        "/api/risk-matrix/nominals/{caseId}",
                        "/api/programme/cases/{caseId}/referrals",
                        "/api/partner-support/cases/{caseId}/partner-tracks");
        assertThat(paths.templates()).allMatch(template -> template.contains("{caseId}"));
    }

    @Test
    void findsTheCaseIdSegmentOnlyInThosePaths() {
        assertThat(paths.caseIdIn(PathContainer.parsePath("/api/programme/cases/abc/referrals")))
                .hasValue("abc");
        assertThat(paths.caseIdIn(PathContainer.parsePath("/api/programme/referrals/abc")))
                .isEmpty();
        assertThat(paths.caseIdIn(PathContainer.parsePath("/nominals/abc"))).isEmpty();
    }
}
