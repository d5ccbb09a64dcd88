package uk.dapp.programme;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.testsupport.ExposedMetrics;
import uk.dapp.programme.referral.ReferralHeld;

/**
 * /actuator/prometheus answers without a token (in a cluster it is on the management port, which
 * only the monitoring namespace reaches), exposes every metric k8s/monitoring lists for this service,
 * and names a request by its URI template: the case ID and the caller never appear in a tag.
 */
@ProgrammeServiceTest
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
        mvc.perform(get("/cases/{caseId}/programme-status", CASE_ID).with(as("facilitator", USERNAME)));

        // a delivery tried, so the relay's dapp.outbox.delivery timer exists
        uk.dapp.platform.testsupport.OutboxDeliveryAttempt.of(ReferralHeld.TYPE, mongo, relay);

        String scrape = mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("uri=\"/cases/{caseId}/programme-status\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();

        ExposedMetrics.assertExposes(
                "programme-service",
                scrape,
                CASE_ID,
                USERNAME,
                java.util
                        .UUID
                        .nameUUIDFromBytes(USERNAME.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
    }
}
