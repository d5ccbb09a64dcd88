package uk.dapp.partnersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.json;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.TestTracks.openSupportedTrack;
import static uk.dapp.partnersupport.TestTracks.send;
import static uk.dapp.platform.testsupport.Callers.as;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import uk.dapp.partnersupport.firewall.PartnerDataAudit;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.testsupport.ServiceTest;

/** Every read and write of partner data on a case leaves exactly one audit record naming the caller. */
@ServiceTest
class AuditCoverageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private long audited(String caseId) {
        return mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class);
    }

    @Test
    void eachCallOnACaseIsAuditedOnce() throws Exception {
        String caseId = newCaseId();
        String trackId = openSupportedTrack(mvc, caseId, "Audit Example");
        String t = "/partner-tracks/" + trackId;
        String today = LocalDate.now().toString();
        Map<MockHttpServletRequestBuilder, String> writes = new LinkedHashMap<>();
        writes.put(
                post(t + "/contact-attempts"),
                "{\"attemptedAt\":\"" + java.time.Instant.now().minusSeconds(60)
                        + "\",\"method\":\"LETTER\",\"outcome\":\"NO_ANSWER\"}");
        writes.put(
                put(t + "/safe-contact"),
                "{\"safeNumber\":\"07700 900001\",\"safeTimes\":\"any\",\"mayLeaveMessage\":true,"
                        + "\"codeWord\":\"fern\",\"version\":0}");
        writes.put(post(t + "/consents"), "{\"type\":\"SUPPORT\",\"givenOn\":\"" + today + "\"}");
        writes.put(
                post(t + "/safety-plans"),
                "{\"actions\":[{\"description\":\"a\",\"owner\":\"b\"}],\"reviewOn\":\""
                        + LocalDate.now().plusDays(1) + "\"}");
        writes.put(post(t + "/outcomes"), uk.dapp.partnersupport.outcome.OutcomeApiTestSupport.intake());
        writes.put(
                put(t + "/household"), "{\"childrenCount\":0,\"ageBands\":[],\"socialCare\":\"NONE\",\"version\":0}");
        for (Map.Entry<MockHttpServletRequestBuilder, String> write : writes.entrySet()) {
            long before = audited(caseId);
            send(mvc, write.getKey(), write.getValue()).andExpect(status().is2xxSuccessful());
            assertThat(audited(caseId)).as(write.getValue()).isEqualTo(before + 1);
        }
        for (String read : new String[] {
            t,
            t + "/contact-attempts",
            t + "/safe-contact",
            t + "/consents",
            t + "/dash-assessments",
            t + "/safety-plans",
            t + "/disclosures",
            t + "/outcomes",
            t + "/household",
            "/cases/" + caseId + "/partner-tracks",
            "/cases/" + caseId + "/risk-alerts"
        }) {
            long before = audited(caseId);
            mvc.perform(get(read).with(as("partner-support-worker", "psw-audit")))
                    .andExpect(status().isOk());
            assertThat(audited(caseId)).as(read).isEqualTo(before + 1);
        }
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .allSatisfy(r -> assertThat(r.username()).isIn("psw-test", "psw-audit"))
                // the admin's unusual-access report knows every partner-data resource as restricted
                .allSatisfy(r -> assertThat(r.resourceType()).isIn(PartnerDataAudit.PARTNER_DATA));
        // refused callers reach no data and write no record
        long before = audited(caseId);
        mvc.perform(get(t + "/safe-contact").with(as("facilitator"))).andExpect(status().isForbidden());
        assertThat(audited(caseId)).isEqualTo(before);
        assertThat(json(mvc.perform(get(t).with(as("partner-support-worker"))))
                        .get("history")
                        .size())
                .isEqualTo(1);
    }
}
