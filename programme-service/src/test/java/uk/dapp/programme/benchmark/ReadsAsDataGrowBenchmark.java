package uk.dapp.programme.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.security.AccessReason;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ReadTimings;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A benchmark, not a timed test: how the programme service's main reads cost as the partnership
 * grows. The whole service (security, team scope, audit written on every read) over its embedded
 * store, reached through MockMvc; synthetic cases written straight to the store, each with a
 * referral, two one-to-one sessions and three earlier audit records; then at each size (default
 * 1,000, 10,000 and 100,000 cases) it times a case's referrals, a facilitator's caseload (20
 * participants at every size) and an admin's audit of one case, one read at a time:
 * <pre>
 * ./mvnw -B -pl programme-service -am test -Dtest=ReadsAsDataGrowBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.cases=1000,10000,100000]
 * </pre>
 * Figures in {@code programme-service/target/surefire-reports/*ReadsAsDataGrowBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ServiceTest
class ReadsAsDataGrowBenchmark {

    private static final String FACILITATOR = "fac-bench";
    private static final int CASELOAD = 20;
    private static final int BATCH = 2_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private final List<String> caseIds = new ArrayList<>();
    private final Random random = new Random(20);

    @Test
    void theMainReadsAsTheCasesGrow() throws Exception {
        List<ReadTimings.Figures> figures = new ArrayList<>();
        for (String size :
                System.getProperty("benchmark.cases", "1000,10000,100000").split(",")) {
            int cases = Integer.parseInt(size.strip());
            long start = System.nanoTime();
            load(cases);
            System.out.printf(
                    "%n== %,d cases loaded (%.1f s); %,d audit records%n",
                    cases,
                    (System.nanoTime() - start) / 1e9,
                    mongo.getCollection("audit_log").countDocuments());
            figures.add(ReadTimings.time(
                    "a case's referrals",
                    cases,
                    1_000,
                    500,
                    random,
                    i -> mvc.perform(get("/cases/" + caseIds.get(i) + "/referrals")
                                    .with(as("facilitator")))
                            .andExpect(status().isOk())));
            figures.add(ReadTimings.time(
                    "a facilitator's caseload",
                    cases,
                    300,
                    300,
                    random,
                    i -> mvc.perform(get("/caseload").with(as("facilitator", FACILITATOR)))
                            .andExpect(status().isOk())));
            figures.add(ReadTimings.time(
                    "the audit of a case",
                    cases,
                    1_000,
                    500,
                    random,
                    i -> mvc.perform(get("/audit-records")
                                    .param("caseId", caseIds.get(i))
                                    .header(AccessReason.HEADER, "benchmark")
                                    .with(as("admin")))
                            .andExpect(status().isOk())));
        }
        System.out.println("\n== summary (p50 at the largest size over p50 at the smallest; the bar is 1.5)");
        for (int read = 0; read < 3; read++) {
            ReadTimings.Figures smallest = figures.get(read);
            ReadTimings.Figures largest = figures.get(figures.size() - 3 + read);
            System.out.printf("== %-28s %.2f%n", smallest.what(), largest.p50Millis() / smallest.p50Millis());
        }
    }

    /** Adds cases until there are {@code total}; the first {@value #CASELOAD} are the benchmark facilitator's. */
    private void load(int total) {
        MongoCollection<Document> referrals = mongo.getCollection("referrals");
        MongoCollection<Document> sessions = mongo.getCollection("sessions");
        MongoCollection<Document> audit = mongo.getCollection("audit_log");
        List<Document> r = new ArrayList<>();
        List<Document> s = new ArrayList<>();
        List<Document> a = new ArrayList<>();
        Date now = Date.from(Instant.now());
        while (caseIds.size() < total) {
            int i = caseIds.size();
            String caseId = CaseId.generate(random).value();
            caseIds.add(caseId);
            String referralId = UUID.randomUUID().toString();
            boolean enrolled = i < CASELOAD || i % 3 == 0;
            r.add(new Document("_id", referralId)
                    .append("caseId", caseId)
                    .append("programmeCode", "DRIVE-121")
                    .append("source", "PROBATION")
                    .append("mandated", i % 2 == 0)
                    .append("riskLevel", "HIGH")
                    .append("sex", "MALE")
                    .append("status", enrolled ? "ENROLLED" : "REFERRED")
                    .append("referredBy", "om-" + i % 211)
                    .append("team", Callers.TEAM)
                    .append("openSlot", "OPEN")
                    .append("createdAt", now)
                    .append("history", List.of())
                    .append("caseManager", enrolled ? (i < CASELOAD ? FACILITATOR : "fac-" + i % 997) : null)
                    .append("enrolledAt", enrolled ? now : null)
                    .append("nextReviewDue", Date.from(Instant.now().plusSeconds(86_400L * 20)))
                    .append("miSessionsUsed", 0)
                    .append("complianceReviewsOpened", 0)
                    .append("outbox", List.of())
                    .append("partnersPassedOn", List.of())
                    .append("version", 0L));
            for (int k = 1; k <= 2; k++) {
                s.add(new Document("_id", UUID.randomUUID().toString())
                        .append("programmeCode", "DRIVE-121")
                        .append("referralId", referralId)
                        .append("scheduledAt", Date.from(Instant.now().plusSeconds(86_400L * 7 * k)))
                        .append("scheduledBy", "fac-" + i % 997));
            }
            for (int k = 0; k < 3; k++) {
                a.add(new Document("_id", UUID.randomUUID().toString())
                        .append("at", now)
                        .append(
                                "userId",
                                UUID.nameUUIDFromBytes(("fac-" + i % 997).getBytes())
                                        .toString())
                        .append("username", "fac-" + i % 997)
                        .append("roles", List.of("facilitator"))
                        .append("caseId", caseId)
                        .append("action", "READ")
                        .append("resourceType", "referral")
                        .append("resourceId", referralId));
            }
            if (r.size() >= BATCH || caseIds.size() == total) {
                referrals.insertMany(r);
                sessions.insertMany(s);
                audit.insertMany(a);
                r.clear();
                s.clear();
                a.clear();
            }
        }
    }
}
