package uk.dapp.programme.benchmark;

import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.privacy.PeriodLadder;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ExportTimings;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.programme.catalogue.Catalogue;
import uk.dapp.programme.evaluator.ContributionService;
import uk.dapp.programme.evaluator.ProgrammeContribution;
import uk.dapp.programme.referral.ExitRecord;
import uk.dapp.programme.referral.Referral;
import uk.dapp.programme.session.Attendance;
import uk.dapp.programme.suitability.Assessment;

/**
 * A benchmark, not a timed test: the programme's evaluator export (NDJSON, one row per case, as the
 * gateway reads it) beside a plain driver scan of the same referrals in the export's order, and
 * beside the export as it read before (a look-up per row, {@link #lookingUpEachRow}), at each size
 * in one run (default 10,000 then 100,000 cases; a fifth of the cases have two
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

    @Autowired
    Catalogue catalogue;

    private final Random random = new Random(5);
    private int loaded;
    private int sizes;

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
            // before and after in the same run, each beside the same scan: which goes first alternates by size
            ExportTimings.Figures before = null;
            ExportTimings.Figures after = null;
            for (int pass = 0; pass < 2; pass++) {
                if ((pass + sizes) % 2 == 0) {
                    before = ExportTimings.export(
                            "NDJSON export before (a look-up per row)", cases, () -> lookingUpEachRow(asOf));
                } else {
                    after = ExportTimings.export(
                            "NDJSON export (reads merged by case)", cases, () -> contributions.contributions(asOf));
                }
            }
            sizes++;
            ExportTimings.print(cases, scan, before, live);
            ExportTimings.print(cases, scan, after, live);
            System.out.printf(
                    "== %,d cases: export / scan %.2f x (before: %.2f x); after / before %.2f%n",
                    cases,
                    after.seconds() / scan.seconds(),
                    before.seconds() / scan.seconds(),
                    after.seconds() / before.seconds());
        }
    }

    /**
     * The export as it read before its reads were merged by case (main until issue 20 item 5): the
     * same referrals, then for each row its latest referral's assessments and attendance looked up
     * by referral ID and its programme from the catalogue, one round trip each. Kept here only to
     * time it beside the export in the same run; the rows are the same (bar a programme gone from
     * the catalogue, which failed this one).
     */
    private Stream<ProgrammeContribution> lookingUpEachRow(Instant asOf) {
        Query query = Query.query(Criteria.where("createdAt").lte(asOf))
                .with(Sort.by(Sort.Order.asc("caseId"), Sort.Order.desc("createdAt"), Sort.Order.asc("_id")));
        query.fields()
                .exclude(
                        "outbox",
                        "partnersPassedOn",
                        "history",
                        "responsibleProbationOfficer",
                        "dateOfBirth",
                        "caseManager",
                        "referredBy");
        Stream<Referral> referrals = mongo.stream(StreamedQueries.batched(query), Referral.class);
        Iterator<Referral> cursor = referrals.iterator();
        Iterator<ProgrammeContribution> rows = new Iterator<>() {
            private Referral next = cursor.hasNext() ? cursor.next() : null;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public ProgrammeContribution next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Referral latest = next;
                int count = 1;
                next = null;
                while (cursor.hasNext()) {
                    Referral candidate = cursor.next();
                    if (!candidate.caseId().equals(latest.caseId())) {
                        next = candidate;
                        break;
                    }
                    count++;
                }
                return lookedUpRow(latest, count, asOf);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, 0), false)
                .onClose(referrals::close);
    }

    private ProgrammeContribution lookedUpRow(Referral referral, int referrals, Instant asOf) {
        Assessment assessment = mongo
                .find(
                        Query.query(Criteria.where("referralId")
                                .is(referral.referralId())
                                .and("assessedAt")
                                .lte(asOf)),
                        Assessment.class)
                .stream()
                .max(Comparator.comparingInt(Assessment::version))
                .orElse(null);
        ExitRecord exit = referral.exit() != null && !referral.exit().exitedAt().isAfter(asOf) ? referral.exit() : null;
        int attended;
        int required;
        if (exit != null) {
            attended = exit.sessionsAttended();
            required = exit.sessionsRequired();
        } else {
            attended = (int) mongo
                    .find(
                            Query.query(Criteria.where("referralId")
                                    .is(referral.referralId())
                                    .and("sessionAt")
                                    .lte(asOf)),
                            Attendance.class)
                    .stream()
                    .filter(a -> a.outcome().attended())
                    .count();
            required = catalogue.get(referral.programmeCode()).sessionCount();
        }
        return new ProgrammeContribution(
                referral.caseId(),
                referral.sex(),
                PeriodLadder.monthOf(referral.createdAt()),
                referral.programmeCode(),
                catalogue.get(referral.programmeCode()).type(),
                referral.source(),
                referral.mandated(),
                assessment == null ? null : assessment.outcome(),
                attended,
                required,
                exit == null ? null : exit.status(),
                exit == null ? null : LocalDate.ofInstant(exit.exitedAt(), PeriodLadder.UK),
                referrals);
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
