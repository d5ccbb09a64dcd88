package uk.dapp.programme.benchmark;

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
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ExportTimings;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.programme.evaluator.ContributionService;

/**
 * A benchmark, not a timed test: the programme's evaluator export (NDJSON, one row per case, as the
 * gateway reads it) beside a plain driver scan of the same referrals in the export's order, at
 * each size in one run (default 10,000 then 100,000 cases; a fifth of the cases have two
 * referrals, each referral an assessment and two attendance records, a quarter of them an exit),
 * with the live heap half way through each pass and the load average beside each figure. Skipped
 * unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -pl programme-service -am test -Dtest=ContributionExportBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m [-Dbenchmark.cases=10000,100000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ServiceTest
class ContributionExportBenchmark {

    private static final int BATCH = 2_000;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContributionService contributions;

    private final Random random = new Random(5);
    private int loaded;

    @Test
    void exportTheSyntheticCases() throws Exception {
        for (String size : System.getProperty("benchmark.cases", "10000,100000").split(",")) {
            int cases = Integer.parseInt(size.strip());
            long start = System.nanoTime();
            load(cases);
            System.out.printf("%n== %,d cases loaded (%.1f s)%n", cases, (System.nanoTime() - start) / 1e9);
            Instant asOf = Instant.now();
            long referrals = mongo.getCollection("referrals").estimatedDocumentCount();
            long live = ExportTimings.liveHeap();
            ExportTimings.Figures scan = ExportTimings.scan(
                    "plain driver scan of the referrals, export's order",
                    referrals,
                    () -> mongo.getCollection("referrals")
                            .find(new Document("createdAt", new Document("$lte", Date.from(asOf))))
                            .sort(new Document("caseId", 1)
                                    .append("createdAt", -1)
                                    .append("_id", 1))
                            .projection(new Document("outbox", 0)
                                    .append("partnersPassedOn", 0)
                                    .append("history", 0)
                                    .append("responsibleProbationOfficer", 0)
                                    .append("dateOfBirth", 0)
                                    .append("caseManager", 0)
                                    .append("referredBy", 0))
                            .batchSize(StreamedQueries.BATCH)
                            .iterator());
            ExportTimings.Figures export =
                    ExportTimings.export("NDJSON export", cases, () -> contributions.contributions(asOf));
            ExportTimings.print(cases, scan, export, live);
        }
    }

    /** Adds cases until there are {@code total}. */
    private void load(int total) {
        MongoCollection<Document> referrals = mongo.getCollection("referrals");
        MongoCollection<Document> assessments = mongo.getCollection("assessments");
        MongoCollection<Document> attendance = mongo.getCollection("attendance");
        List<Document> r = new ArrayList<>();
        List<Document> s = new ArrayList<>();
        List<Document> a = new ArrayList<>();
        Instant now = Instant.now();
        while (loaded < total) {
            int i = loaded++;
            String caseId = CaseId.generate(random).value();
            for (int k = 0; k < (i % 5 == 0 ? 2 : 1); k++) {
                String referralId = UUID.randomUUID().toString();
                Date created = Date.from(now.minusSeconds(86_400L * (200 + k * 100 + i % 50)));
                Document referral = new Document("_id", referralId)
                        .append("caseId", caseId)
                        .append("programmeCode", "DRIVE-1TO1")
                        .append("source", "PROBATION")
                        .append("mandated", i % 2 == 0)
                        .append("riskLevel", "HIGH")
                        .append("sex", "MALE")
                        .append("status", "ENROLLED")
                        .append("referredBy", "om-" + i % 211)
                        .append("team", Callers.TEAM)
                        .append("openSlot", k == 0 ? "OPEN" : referralId)
                        .append("createdAt", created)
                        .append("history", List.of())
                        .append("caseManager", "fac-" + i % 997)
                        .append("miSessionsUsed", 0)
                        .append("complianceReviewsOpened", 0)
                        .append("outbox", List.of())
                        .append("partnersPassedOn", List.of())
                        .append("version", 0L);
                if (i % 4 == 0) {
                    referral.append(
                            "exit",
                            new Document("exitMove", "complete")
                                    .append("status", "COMPLETED")
                                    .append("reason", "programme completed")
                                    .append("sessionsAttended", 12)
                                    .append("sessionsRequired", 12)
                                    .append("exitedBy", "fac-" + i % 997)
                                    .append("exitedAt", Date.from(now.minusSeconds(86_400L * 10))));
                }
                r.add(referral);
                s.add(new Document("_id", UUID.randomUUID().toString())
                        .append("referralId", referralId)
                        .append("caseId", caseId)
                        .append("version", 1)
                        .append("outcome", "SUITABLE")
                        .append("reason", "synthetic")
                        .append("miSessionsUsed", 0)
                        .append("miSessionCap", 3)
                        .append("assessedBy", "fac-" + i % 997)
                        .append("assessedAt", Date.from(now.minusSeconds(86_400L * 150))));
                for (int n = 0; n < 2; n++) {
                    String sessionId = UUID.randomUUID().toString();
                    a.add(new Document("_id", sessionId + ":" + referralId)
                            .append("sessionId", sessionId)
                            .append("referralId", referralId)
                            .append("caseId", caseId)
                            .append("outcome", n == 0 ? "ATTENDED_COMPLIED" : "UNACCEPTABLE_ABSENCE")
                            .append("sessionAt", Date.from(now.minusSeconds(86_400L * (100 - n * 7))))
                            .append("recordedBy", "fac-" + i % 997)
                            .append("recordedAt", Date.from(now.minusSeconds(86_400L * (99 - n * 7)))));
                }
            }
            if (r.size() >= BATCH || loaded == total) {
                referrals.insertMany(r);
                assessments.insertMany(s);
                attendance.insertMany(a);
                r.clear();
                s.clear();
                a.clear();
            }
        }
    }
}
