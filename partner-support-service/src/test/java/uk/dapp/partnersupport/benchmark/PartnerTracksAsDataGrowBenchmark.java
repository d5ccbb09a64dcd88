package uk.dapp.partnersupport.benchmark;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static uk.dapp.platform.testsupport.Callers.as;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import uk.dapp.partnersupport.TestTracks;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ReadTimings;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A benchmark, not a timed test: a case's partner tracks as the partnership grows. The whole
 * partner support service (security, team scope, audit written on every read) over its embedded
 * store, through MockMvc; synthetic cases written straight to the store, each with one or two
 * tracks (invented names only) and three earlier audit records; at each size (default 1,000,
 * 10,000 and 100,000 cases) it times {@code GET /cases/{caseId}/partner-tracks}, one read at a time:
 * <pre>
 * ./mvnw -B -pl partner-support-service -am test -Dtest=PartnerTracksAsDataGrowBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.cases=1000,10000,100000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ServiceTest
class PartnerTracksAsDataGrowBenchmark {

    private static final int BATCH = 2_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    private final List<String> caseIds = new ArrayList<>();
    private final Random random = new Random(20);

    @Test
    void aCasesPartnerTracksAsTheCasesGrow() throws Exception {
        List<ReadTimings.Figures> figures = new ArrayList<>();
        for (String size :
                System.getProperty("benchmark.cases", "1000,10000,100000").split(",")) {
            int cases = Integer.parseInt(size.strip());
            long start = System.nanoTime();
            load(cases);
            System.out.printf(
                    "%n== %,d cases loaded (%.1f s); %,d tracks, %,d audit records%n",
                    cases,
                    (System.nanoTime() - start) / 1e9,
                    mongo.getCollection("partner_tracks").countDocuments(),
                    mongo.getCollection("audit_log").countDocuments());
            figures.add(ReadTimings.time(
                    "a case's partner tracks",
                    cases,
                    1_000,
                    500,
                    random,
                    i -> mvc.perform(get("/cases/" + caseIds.get(i) + "/partner-tracks")
                                    .with(as(TestTracks.WORKER)))
                            .andExpect(status().isOk())));
        }
        System.out.printf(
                "%n== summary: p50 at the largest size over p50 at the smallest %.2f (the bar is 1.5)%n",
                figures.get(figures.size() - 1).p50Millis() / figures.get(0).p50Millis());
    }

    private void load(int total) {
        MongoCollection<Document> tracks = mongo.getCollection("partner_tracks");
        MongoCollection<Document> audit = mongo.getCollection("audit_log");
        List<Document> t = new ArrayList<>();
        List<Document> a = new ArrayList<>();
        Date now = Date.from(Instant.now());
        Date due = Date.from(
                LocalDate.now().plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant());
        while (caseIds.size() < total) {
            int i = caseIds.size();
            String caseId = CaseId.generate(random).value();
            caseIds.add(caseId);
            for (int k = 0; k < 1 + i % 2; k++) {
                t.add(new Document("_id", UUID.randomUUID().toString())
                        .append("caseId", caseId)
                        .append("relationship", k == 0 ? "CURRENT_PARTNER" : "EX_PARTNER")
                        .append("partnerName", "Synthetic Partner " + i + "-" + k)
                        .append("allocatedWorker", "isw-" + i % 97)
                        .append("status", "OPEN")
                        .append("openedAt", now)
                        .append("openedBy", "isw-" + i % 97)
                        .append("firstContactDueOn", due)
                        .append("contactMade", false)
                        .append("programmeExits", List.of())
                        .append("history", List.of())
                        .append("outbox", List.of())
                        .append("team", Callers.TEAM)
                        .append("version", 0L));
            }
            for (int k = 0; k < 3; k++) {
                a.add(new Document("_id", UUID.randomUUID().toString())
                        .append("at", now)
                        .append(
                                "userId",
                                UUID.nameUUIDFromBytes(("isw-" + i % 97).getBytes())
                                        .toString())
                        .append("username", "isw-" + i % 97)
                        .append("roles", List.of("partner-support-worker"))
                        .append("caseId", caseId)
                        .append("action", "READ")
                        .append("resourceType", "partner-track"));
            }
            if (t.size() >= BATCH || caseIds.size() == total) {
                tracks.insertMany(t);
                audit.insertMany(a);
                t.clear();
                a.clear();
            }
        }
    }
}
