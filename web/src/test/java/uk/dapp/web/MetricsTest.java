package uk.dapp.web;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import uk.dapp.platform.testsupport.ExposedMetrics;

/**
 * /actuator/prometheus answers without signing in (in a cluster it is on the management port, which
 * only the monitoring namespace reaches; the web app's own port serves no actuator), exposes every
 * metric k8s/monitoring lists for the web app, and names pages and gateway calls by their URI
 * templates: the case ID of a page the user opened never appears in a tag.
 */
class MetricsTest extends WebTest {

    private static final String CASE_ID = "7KQM4X-ZP9RTD-2HBWJG";

    @Test
    void theScrapeHasTheListedMetricsAndNoCaseId() throws Exception {
        GATEWAY.stubFor(get(anyUrl()).willReturn(notFound()));
        mvc.perform(MockMvcRequestBuilders.get("/cases/{caseId}", CASE_ID).with(offenderManager()));

        String scrape = mvc.perform(MockMvcRequestBuilders.get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        ExposedMetrics.assertExposes("web", scrape, CASE_ID, "demo-offender-manager");
        org.assertj.core.api.Assertions.assertThat(scrape).contains("uri=\"/cases/{caseId}\"");
    }
}
