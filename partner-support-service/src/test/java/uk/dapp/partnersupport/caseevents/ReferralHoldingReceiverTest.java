package uk.dapp.partnersupport.caseevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.partnersupport.TestTracks.newCaseId;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliver;
import static uk.dapp.partnersupport.caseevents.CaseEvents.deliverConcurrently;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.partnersupport.holding.ReferralHoldings;
import uk.dapp.platform.audit.AuditRecord;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.Roles;
import uk.dapp.platform.testsupport.ServiceTest;

/** Programme-service's news of its referrals opening and closing, kept per case (ADR 0009). */
@ServiceTest
class ReferralHoldingReceiverTest {

    private static final String HOLDINGS = "/case-events/referral-holdings/";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ReferralHoldings holdings;

    private static String event(String caseId, String referralId, boolean held, long sequence) {
        return "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + referralId + "\",\"held\":" + held
                + ",\"sequence\":" + sequence + "}";
    }

    private boolean held(String caseId) {
        return holdings.held(CaseId.parse(caseId));
    }

    @Test
    void anOpenReferralHoldsTheCaseAndItsClosingReleasesItForGood() throws Exception {
        String caseId = newCaseId();
        String referralId = UUID.randomUUID().toString();
        String opening = HOLDINGS + UUID.randomUUID();
        deliver(mvc, opening, event(caseId, referralId, true, 1)).andExpect(status().isNoContent());
        assertThat(held(caseId)).isTrue();
        // the same message again: 204, nothing more, one audit record
        deliver(mvc, opening, event(caseId, referralId, true, 1)).andExpect(status().isNoContent());
        assertThat(mongo.find(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.resourceType()).isEqualTo("referral-holding");
                    assertThat(r.resourceId()).isEqualTo(referralId);
                    assertThat(r.username()).isEqualTo("test-svc-programme");
                });

        deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referralId, false, 4))
                .andExpect(status().isNoContent());
        assertThat(held(caseId)).isFalse();
        // the opening again, late: older than the closing, so it changes nothing
        deliver(mvc, opening, event(caseId, referralId, true, 1)).andExpect(status().isNoContent());
        assertThat(held(caseId)).isFalse();
    }

    @Test
    void aCaseIsHeldWhileAnyOfItsReferralsIsOpenEvenWhenTheyArriveAtOnce() throws Exception {
        String caseId = newCaseId();
        List<String> referrals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            referrals.add(UUID.randomUUID().toString());
        }
        // four referrals of one case at once: every one is kept (the document's version guards each write)
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String referralId : referrals) {
                answers.add(
                        pool.submit(() -> deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referralId, true, 1))
                                .andReturn()
                                .getResponse()
                                .getStatus()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(holdings.marks(CaseId.parse(caseId))).containsOnlyKeys(referrals);
        for (int i = 0; i < 3; i++) {
            deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referrals.get(i), false, 2))
                    .andExpect(status().isNoContent());
            assertThat(held(caseId)).isTrue();
        }
        deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referrals.get(3), false, 2))
                .andExpect(status().isNoContent());
        assertThat(held(caseId)).isFalse();
    }

    @Test
    void theSameMessageAtOnceFromManyThreadsIsAppliedOnce() throws Exception {
        String caseId = newCaseId();
        String referralId = UUID.randomUUID().toString();
        assertThat(deliverConcurrently(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referralId, true, 1), 6))
                .containsOnly(204);
        assertThat(held(caseId)).isTrue();
        assertThat(mongo.count(Query.query(Criteria.where("caseId").is(caseId)), AuditRecord.class))
                .isEqualTo(1);
    }

    @Test
    void onlyProgrammeServiceMayCallAndBadInputIsRefusedByField() throws Exception {
        String caseId = newCaseId();
        String referralId = UUID.randomUUID().toString();
        for (String role : List.of(
                Roles.SVC_PARTNER_SUPPORT,
                Roles.SVC_RISK_MATRIX,
                Roles.FACILITATOR,
                Roles.PARTNER_SUPPORT_WORKER,
                Roles.ADMIN)) {
            deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referralId, true, 1), role)
                    .andExpect(status().isForbidden());
        }
        assertThat(held(caseId)).isFalse();
        deliver(mvc, HOLDINGS + UUID.randomUUID(), event("NOT-A-CASE", referralId, true, 1))
                .andExpect(status().isBadRequest());
        String noRef = deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, "referral one", true, 1))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(noRef).contains("referralId");
        String zero = deliver(mvc, HOLDINGS + UUID.randomUUID(), event(caseId, referralId, true, 0))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(zero).contains("sequence");
        assertThat(held(caseId)).isFalse();
    }
}
