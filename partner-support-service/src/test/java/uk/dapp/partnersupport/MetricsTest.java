package uk.dapp.partnersupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.partnersupport.track.TrackHeld;
import uk.dapp.platform.testsupport.ExposedMetrics;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * /actuator/prometheus answers without a token (in a cluster it is on the management port, which
 * only the monitoring namespace reaches), exposes every metric k8s/monitoring lists for this service,
 * and names a request by its URI template: the case ID and the caller never appear in a tag.
 */
@ServiceTest
class MetricsTest {

    private static final String CASE_ID = "7KQM4X-ZP9RTD-2HBWJG";
    private static final String USERNAME = "metrics-facilitator";

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    uk.dapp.platform.outbox.OutboxRelay relay;

    @Autowired
    MockMvc mvc;

    @Test
    void theScrapeHasTheListedMetricsAndNoCaseId() throws Exception {
        mvc.perform(get("/cases/{caseId}/partner-support-summary", CASE_ID).with(as("facilitator", USERNAME)));

        // a delivery tried, so the relay's dapp.outbox.delivery timer exists
        uk.dapp.platform.testsupport.OutboxDeliveryAttempt.of(TrackHeld.TYPE, mongo, relay);

        String scrape = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("uri=\"/cases/{caseId}/partner-support-summary\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        ExposedMetrics.assertExposes(
                "partner-support-service",
                scrape,
                CASE_ID,
                USERNAME,
                java.util
                        .UUID
                        .nameUUIDFromBytes(USERNAME.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
    }
}
