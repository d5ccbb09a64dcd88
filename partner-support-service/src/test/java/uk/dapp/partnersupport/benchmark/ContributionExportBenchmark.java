package uk.dapp.partnersupport.benchmark;

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
import uk.dapp.partnersupport.evaluator.ContributionService;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ExportTimings;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A benchmark, not a timed test: partner support's evaluator export (NDJSON, one row per case, as
 * the gateway reads it) beside a plain driver scan of the same tracks in the export's order, at
 * each size in one run (default 10,000 then 100,000 cases; half the cases have two tracks, each
 * track an intake and an exit outcome, two DASH versions and a contact attempt that reached the
 * partner), with the live heap half way through each pass and the load average beside each
 * figure. Skipped unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -pl partner-support-service -am test -Dtest=ContributionExportBenchmark -Dbenchmark=true \
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

    private final Random random = new Random(7);
    private int loaded;

    @Test
    void exportTheSyntheticCases() throws Exception {
        for (String size : System.getProperty("benchmark.cases", "10000,100000").split(",")) {
            int cases = Integer.parseInt(size.strip());
            long start = System.nanoTime();
            load(cases);
            System.out.printf("%n== %,d cases loaded (%.1f s)%n", cases, (System.nanoTime() - start) / 1e9);
            Instant asOf = Instant.now();
            long tracks = mongo.getCollection("partner_tracks").estimatedDocumentCount();
            long live = ExportTimings.liveHeap();
            ExportTimings.Figures scan = ExportTimings.scan(
                    "plain driver scan of the tracks, export's order",
                    tracks,
                    () -> mongo.getCollection("partner_tracks")
                            .find(new Document("openedAt", new Document("$lte", Date.from(asOf))))
                            .sort(new Document("caseId", 1)
                                    .append("openedAt", 1)
                                    .append("_id", 1))
                            .projection(new Document("_id", 1)
                                    .append("caseId", 1)
                                    .append("openedAt", 1)
                                    .append("firstContactDueOn", 1)
                                    .append("contactMade", 1)
                                    .append("outboxSequence", 1))
                            .batchSize(StreamedQueries.BATCH)
                            .iterator());
            ExportTimings.Figures export =
                    ExportTimings.export("NDJSON export", cases, () -> contributions.contributions(asOf));
            ExportTimings.print(cases, scan, export, live);
        }
    }

    private static Date day(Instant at) {
        return Date.from(LocalDate.ofInstant(at, ZoneOffset.UTC)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant());
    }

    /** Adds cases until there are {@code total}. */
    private void load(int total) {
        MongoCollection<Document> tracks = mongo.getCollection("partner_tracks");
        MongoCollection<Document> outcomes = mongo.getCollection("partner_outcomes");
        MongoCollection<Document> dash = mongo.getCollection("dash_assessments");
        MongoCollection<Document> attempts = mongo.getCollection("contact_attempts");
        List<Document> t = new ArrayList<>();
        List<Document> o = new ArrayList<>();
        List<Document> d = new ArrayList<>();
        List<Document> c = new ArrayList<>();
        Instant now = Instant.now();
        while (loaded < total) {
            int i = loaded++;
            String caseId = CaseId.generate(random).value();
            for (int k = 0; k < 1 + i % 2; k++) {
                String trackId = UUID.randomUUID().toString();
                Instant opened = now.minusSeconds(86_400L * (300 + k * 20 + i % 50));
                t.add(new Document("_id", trackId)
                        .append("caseId", caseId)
                        .append("relationship", k == 0 ? "CURRENT_PARTNER" : "EX_PARTNER")
                        .append("partnerName", "Synthetic Partner " + i + "-" + k)
                        .append("allocatedWorker", "isw-" + i % 97)
                        .append("status", "OPEN")
                        .append("openedAt", Date.from(opened))
                        .append("openedBy", "isw-" + i % 97)
                        .append("firstContactDueOn", day(opened.plusSeconds(86_400L * 5)))
                        .append("contactMade", true)
                        .append("programmeExits", List.of())
                        .append("history", List.of())
                        .append("outbox", List.of())
                        .append("outboxSequence", 0L)
                        .append("team", Callers.TEAM)
                        .append("version", 0L));
                for (String point : List.of("INTAKE", "EXIT")) {
                    Instant recorded = opened.plusSeconds(86_400L * (point.equals("INTAKE") ? 7 : 120));
                    o.add(new Document("_id", UUID.randomUUID().toString())
                            .append("trackId", trackId)
                            .append("caseId", caseId)
                            .append("point", point)
                            .append("recordedOn", day(recorded))
                            .append(
                                    "measures",
                                    new Document("cessationOfAbuse", point.equals("INTAKE") ? 2 : 4)
                                            .append("feelingSafe", point.equals("INTAKE") ? 1 : 3)
                                            .append("childrensFear", point.equals("INTAKE") ? 3 : 1))
                            .append("recordedBy", "isw-" + i % 97)
                            .append("recordedAt", Date.from(recorded)));
                }
                for (int v = 1; v <= 2; v++) {
                    Instant recorded = opened.plusSeconds(86_400L * (v == 1 ? 3 : 100));
                    d.add(new Document("_id", UUID.randomUUID().toString())
                            .append("trackId", trackId)
                            .append("caseId", caseId)
                            .append("versionNumber", v)
                            .append("answers", List.of())
                            .append("completedOn", day(recorded))
                            .append("incidentsInLast12Months", 2)
                            .append("yesCount", v == 1 ? 15 : 9)
                            .append("checklistLevel", v == 1 ? "HIGH" : "MEDIUM")
                            .append("riskLevel", v == 1 ? "HIGH" : "MEDIUM")
                            .append("maracCriteria", List.of())
                            .append("completedBy", "isw-" + i % 97)
                            .append("recordedAt", Date.from(recorded))
                            .append("outbox", List.of()));
                }
                Instant attempted = opened.plusSeconds(86_400L * 2);
                c.add(new Document("_id", UUID.randomUUID().toString())
                        .append("trackId", trackId)
                        .append("caseId", caseId)
                        .append("attemptedAt", Date.from(attempted))
                        .append("method", "PHONE")
                        .append("outcome", "REACHED")
                        .append("loggedBy", "isw-" + i % 97)
                        .append("loggedAt", Date.from(attempted.plusSeconds(600))));
            }
            if (t.size() >= BATCH || loaded == total) {
                tracks.insertMany(t);
                outcomes.insertMany(o);
                dash.insertMany(d);
                attempts.insertMany(c);
                t.clear();
                o.clear();
                d.clear();
                c.clear();
            }
        }
    }
}
