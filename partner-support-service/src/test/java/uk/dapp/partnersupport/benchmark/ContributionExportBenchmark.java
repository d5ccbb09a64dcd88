package uk.dapp.partnersupport.benchmark;

import com.mongodb.client.MongoCursor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.partnersupport.contact.ContactAttempt;
import uk.dapp.partnersupport.contact.ContactMethod;
import uk.dapp.partnersupport.contact.ContactOutcome;
import uk.dapp.partnersupport.crypto.EncryptedField;
import uk.dapp.partnersupport.crypto.FieldCipher;
import uk.dapp.partnersupport.dash.DashAnswer;
import uk.dapp.partnersupport.dash.DashAssessment;
import uk.dapp.partnersupport.dash.DashQuestion;
import uk.dapp.partnersupport.evaluator.ContributionService;
import uk.dapp.partnersupport.outcome.OutcomeMeasures;
import uk.dapp.partnersupport.outcome.OutcomePoint;
import uk.dapp.partnersupport.outcome.OutcomeRecord;
import uk.dapp.partnersupport.track.PartnerRelationship;
import uk.dapp.partnersupport.track.PartnerTrack;
import uk.dapp.partnersupport.track.TrackStatus;
import uk.dapp.platform.caseid.CaseId;
import uk.dapp.platform.risk.RiskLevel;
import uk.dapp.platform.status.StatusChange;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.Callers;
import uk.dapp.platform.testsupport.ExportTimings;
import uk.dapp.platform.testsupport.LoadAverage;
import uk.dapp.platform.testsupport.ServiceTest;

/**
 * A benchmark, not a timed test: partner support's evaluator export (NDJSON, one row per case, as
 * the gateway reads it) beside a plain driver scan of the same tracks in the export's order, and
 * beside plain scans of everything the export reads (the tracks, then the outcomes, DASH versions
 * and contact attempts in case-ID order), at each size in one run (default 10,000 then 100,000
 * cases; half the cases have two tracks, each track an intake and an exit outcome, two DASH
 * versions and a contact attempt that reached the partner), with the live heap half way through
 * each pass and the load average beside each figure. The cases are the service's own records,
 * mapped as the service writes them (its domain classes through {@link MongoTemplate}, the
 * partner's name sealed with the service's cipher), inserted a few thousand at a time in one
 * command per collection rather than one request each. Skipped unless {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -pl partner-support-service -am test -Dtest=ContributionExportBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m [-Dbenchmark.cases=10000,100000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@ServiceTest
class ContributionExportBenchmark {

    private static final int BATCH = 2_000;
    private static final EncryptedField PARTNER_NAME =
            new EncryptedField(PartnerTrack.COLLECTION, "partnerName", "partnerName", true);

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContributionService contributions;

    @Autowired
    FieldCipher cipher;

    private final Random random = new Random(7);
    private int loaded;

    @Test
    void exportTheSyntheticCases() throws Exception {
        for (String size : System.getProperty("benchmark.cases", "10000,100000").split(",")) {
            int cases = Integer.parseInt(size.strip());
            String loadBefore = LoadAverage.now();
            long start = System.nanoTime();
            load(cases);
            System.out.printf(
                    "%n== %,d cases loaded (%.1f s; load average %s before, %s after)%n",
                    cases, (System.nanoTime() - start) / 1e9, loadBefore, LoadAverage.now());
            Instant asOf = Instant.now();
            long tracks = mongo.getCollection(PartnerTrack.COLLECTION).estimatedDocumentCount();
            long live = ExportTimings.liveHeap();
            ExportTimings.Figures scan = ExportTimings.scan(
                    "plain driver scan of the tracks, export's order",
                    tracks,
                    byCase(
                            PartnerTrack.COLLECTION,
                            new Document("openedAt", new Document("$lte", Date.from(asOf))),
                            new Document("caseId", 1).append("openedAt", 1).append("_id", 1),
                            "_id",
                            "caseId",
                            "openedAt",
                            "firstContactDueOn",
                            "contactMade",
                            "outboxSequence"));
            ExportTimings.Figures all = everythingTheExportReads(asOf, scan);
            ExportTimings.Figures export =
                    ExportTimings.export("NDJSON export", cases, () -> contributions.contributions(asOf));
            ExportTimings.print(cases, scan, export, live);
            System.out.printf(
                    "== beside everything it reads:%n== %s%n== export / that scan: %.2f x%n",
                    all, export.seconds() / all.seconds());
        }
    }

    /**
     * The tracks' scan with plain scans of the outcomes, DASH versions and reaching attempts, each
     * with the export's filter, fields and order (case ID, through its index), summed.
     */
    private ExportTimings.Figures everythingTheExportReads(Instant asOf, ExportTimings.Figures tracks) {
        Date at = Date.from(asOf);
        Document caseOrder = new Document("caseId", 1);
        List<ExportTimings.Figures> parts = List.of(
                tracks,
                ExportTimings.scan(
                        "plain driver scan of the outcomes, case order",
                        mongo.getCollection("partner_outcomes").estimatedDocumentCount(),
                        byCase(
                                "partner_outcomes",
                                new Document("recordedAt", new Document("$lte", at)),
                                caseOrder,
                                "caseId",
                                "trackId",
                                "point",
                                "measures")),
                ExportTimings.scan(
                        "plain driver scan of the DASH versions, case order",
                        mongo.getCollection(DashAssessment.COLLECTION).estimatedDocumentCount(),
                        byCase(
                                DashAssessment.COLLECTION,
                                new Document("recordedAt", new Document("$lte", at)),
                                caseOrder,
                                "caseId",
                                "trackId",
                                "versionNumber",
                                "riskLevel",
                                "incidentsInLast12Months",
                                "yesCount")),
                ExportTimings.scan(
                        "plain driver scan of the reaching attempts, case order",
                        mongo.getCollection("contact_attempts").estimatedDocumentCount(),
                        byCase(
                                "contact_attempts",
                                new Document("outcome", ContactOutcome.REACHED.name())
                                        .append("attemptedAt", new Document("$lte", at))
                                        .append("loggedAt", new Document("$lte", at)),
                                caseOrder,
                                "caseId",
                                "trackId",
                                "attemptedAt")));
        parts.subList(1, parts.size()).forEach(part -> System.out.printf("== %s%n", part));
        return new ExportTimings.Figures(
                "plain scans of all four, summed",
                parts.stream().mapToLong(ExportTimings.Figures::count).sum(),
                parts.stream().mapToDouble(ExportTimings.Figures::seconds).sum(),
                parts.stream().mapToLong(ExportTimings.Figures::peakBytes).max().orElse(0),
                parts.stream()
                        .mapToLong(ExportTimings.Figures::halfWayBytes)
                        .max()
                        .orElse(0),
                String.join(
                        " / ", parts.stream().map(ExportTimings.Figures::load).toList()));
    }

    private Supplier<MongoCursor<Document>> byCase(
            String collection, Document filter, Document sort, String... fields) {
        Document projection = new Document();
        for (String field : fields) {
            projection.append(field, 1);
        }
        return () -> mongo.getCollection(collection)
                .find(filter)
                .sort(sort)
                .projection(projection)
                .batchSize(StreamedQueries.BATCH)
                .iterator();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Adds cases until there are {@code total}, a batch of each collection in one insert command each. */
    private void load(int total) {
        List<PartnerTrack> tracks = new ArrayList<>();
        List<OutcomeRecord> outcomes = new ArrayList<>();
        List<DashAssessment> assessments = new ArrayList<>();
        List<ContactAttempt> attempts = new ArrayList<>();
        List<DashAnswer> answers = Collections.nCopies(DashQuestion.values().length, DashAnswer.NO);
        Instant now = Instant.now();
        while (loaded < total) {
            int i = loaded++;
            String caseId = CaseId.generate(random).value();
            String worker = "isw-" + i % 97;
            for (int k = 0; k < 1 + i % 2; k++) {
                String trackId = UUID.randomUUID().toString();
                Instant opened = now.minusSeconds(86_400L * (300 + k * 20 + i % 50));
                Instant attempted = opened.plusSeconds(86_400L * 2);
                tracks.add(new PartnerTrack(
                        trackId,
                        caseId,
                        k == 0 ? PartnerRelationship.CURRENT_PARTNER : PartnerRelationship.EX_PARTNER,
                        cipher.encrypt("Synthetic Partner " + i + "-" + k, PARTNER_NAME.context(trackId)),
                        worker,
                        TrackStatus.OPEN,
                        opened,
                        worker,
                        day(opened.plusSeconds(86_400L * 5)),
                        attempted,
                        attempted,
                        true,
                        RiskLevel.MEDIUM,
                        null,
                        null,
                        List.of(),
                        List.of(new StatusChange(null, TrackStatus.OPEN.name(), "open", worker, opened, null)),
                        List.of(), // the opening's news already relayed
                        1,
                        List.of(),
                        Callers.TEAM,
                        null));
                for (OutcomePoint point : List.of(OutcomePoint.INTAKE, OutcomePoint.EXIT)) {
                    boolean intake = point == OutcomePoint.INTAKE;
                    Instant recorded = opened.plusSeconds(86_400L * (intake ? 7 : 120));
                    int before = intake ? 2 : 4;
                    outcomes.add(new OutcomeRecord(
                            UUID.randomUUID().toString(),
                            trackId,
                            caseId,
                            point,
                            day(recorded),
                            new OutcomeMeasures(
                                    before,
                                    before,
                                    intake ? 1 : 3,
                                    before,
                                    intake ? 3 : 1,
                                    before,
                                    before,
                                    before,
                                    before,
                                    before,
                                    before),
                            worker,
                            recorded));
                }
                for (int v = 1; v <= 2; v++) {
                    Instant recorded = opened.plusSeconds(86_400L * (v == 1 ? 3 : 100));
                    RiskLevel level = v == 1 ? RiskLevel.HIGH : RiskLevel.MEDIUM;
                    assessments.add(new DashAssessment(
                            UUID.randomUUID().toString(),
                            trackId,
                            caseId,
                            v,
                            answers,
                            day(recorded),
                            2,
                            null,
                            v == 1 ? 15 : 9,
                            level,
                            null,
                            level,
                            Set.of(),
                            worker,
                            recorded));
                }
                attempts.add(new ContactAttempt(
                        UUID.randomUUID().toString(),
                        trackId,
                        caseId,
                        attempted,
                        ContactMethod.PHONE,
                        ContactOutcome.REACHED,
                        worker,
                        attempted.plusSeconds(600)));
            }
            if (tracks.size() >= BATCH || loaded == total) {
                // one insertMany each, mapped by the service's own mapping (version set as on a first save)
                mongo.insert(tracks, PartnerTrack.class);
                mongo.insert(outcomes, OutcomeRecord.class);
                mongo.insert(assessments, DashAssessment.class);
                mongo.insert(attempts, ContactAttempt.class);
                tracks.clear();
                outcomes.clear();
                assessments.clear();
                attempts.clear();
            }
        }
    }
}
