package uk.dapp.partnersupport.caseevents;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static uk.dapp.platform.testsupport.Callers.as;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Programme-service's messages as its relay sends them, for the receiver tests. */
final class CaseEvents {

    static final String PROGRAMME = "svc-programme";
    static final String REFERRALS = "/case-events/partner-referrals/";
    static final String EXITS = "/case-events/programme-exits/";

    private CaseEvents() {}

    static ResultActions deliver(MockMvc mvc, String path, String body, String role) throws Exception {
        return mvc.perform(
                put(path).with(as(role)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static ResultActions deliver(MockMvc mvc, String path, String body) throws Exception {
        return deliver(mvc, path, body, PROGRAMME);
    }

    /** The same message from {@code threads} threads at once; answers each delivery's status. */
    static List<Integer> deliverConcurrently(MockMvc mvc, String path, String body, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(mvc, path, body).andReturn().getResponse().getStatus();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    static String referral(String caseId, String referralId, String partners) {
        return "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + referralId + "\",\"programmeCode\":\"CHANGE-01\","
                + "\"referredAt\":\"2026-11-20T09:30:00Z\",\"team\":\"test-team\",\"partners\":" + partners + "}";
    }

    static String exit(String caseId, String referralId, String exitStatus, boolean nonCompliance) {
        return "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + referralId + "\",\"programmeCode\":\"CHANGE-01\","
                + "\"exitStatus\":\"" + exitStatus + "\",\"nonCompliance\":" + nonCompliance
                + ",\"exitedAt\":\"2026-11-20T16:00:00Z\"}";
    }
}
