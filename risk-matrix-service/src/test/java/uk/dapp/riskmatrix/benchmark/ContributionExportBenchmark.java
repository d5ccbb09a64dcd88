package uk.dapp.riskmatrix.benchmark;

import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import uk.dapp.platform.store.StreamedQueries;
import uk.dapp.platform.testsupport.ExportTimings;
import uk.dapp.platform.testsupport.LoadAverage;
import uk.dapp.platform.testsupport.ServiceTest;
import uk.dapp.riskmatrix.evaluator.ContributionService;
import uk.dapp.riskmatrix.referencedata.ExampleReferenceData;

/**
 * A benchmark, not a timed test: the evaluator export of 100,000 synthetic cases (4 incidents each
 * on average) from the embedded store, as the service streams it to the gateway (NDJSON, one row
 * at a time), beside a plain driver scan of the same documents and fields, with the load average,
 * the peak heap and the live heap half way through each ({@link ExportTimings}). Skipped unless
 * {@code -Dbenchmark=true}:
 * <pre>
 * ./mvnw -B -o -pl risk-matrix-service -am test -Dtest=ContributionExportBenchmark -Dbenchmark=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx256m [-Dbenchmark.cases=100000]
 * </pre>
 */
@ServiceTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ContributionExportBenchmark {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContributionService contributions;

    @Test
    void exportTheSyntheticCohort() throws Exception {
        int cases = Integer.getInteger("benchmark.cases", 100_000);
        long start = System.nanoTime();
        SyntheticNominals.load(mongo, cases, cases * 4, ExampleReferenceData.version1(Instant.now()));
        RescoringBenchmark.report("load (not part of the comparison)", start, -1);
        Instant asOf = Instant.now();
        long documents = mongo.getCollection("nominals").countDocuments();
        long live = ExportTimings.liveHeap();
        System.out.printf("== live heap after the load: %,d MB (load average %s)%n", live >> 20, LoadAverage.now());
        ExportTimings.Figures scan = ExportTimings.scan(
                "plain driver scan of the nominals, export's fields",
                documents,
                () -> mongo.getCollection("nominals")
                        .find()
                        .sort(new Document("_id", 1))
                        .projection(new Document("dateOfBirth", 1)
                                .append("area", 1)
                                .append("incidents.date", 1)
                                .append("incidents.offenceCode", 1)
                                .append("incidents.crime", 1))
                        // in the export's batches, as a driver's cursor reads (the store walks _id's index for both)
                        .batchSize(StreamedQueries.BATCH)
                        .iterator());
        // the export is audited as the evaluator's read, as behind the real endpoint
        ExportTimings.Figures export =
                ExportTimings.export("NDJSON export", documents, () -> contributions.contributions(asOf));
        ExportTimings.print(cases, scan, export, live);
    }
}
