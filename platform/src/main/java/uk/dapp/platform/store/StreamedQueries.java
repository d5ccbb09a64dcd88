package uk.dapp.platform.store;

import org.springframework.data.mongodb.core.query.Query;

/**
 * Queries read through a cursor ({@code MongoTemplate.stream}) over a whole collection: each reply
 * carries a bounded batch. Without a batch size the embedded store answers a sorted query with
 * every matching document in one reply, and past the driver's 48 MB message limit the read fails
 * (seen at 100,000 nominals in {@code ContributionExportBenchmark}); a real MongoDB caps batches
 * itself, so this changes nothing there but the number of round trips.
 */
public final class StreamedQueries {

    /** Documents per reply: small documents make a few hundred KB, whole nominals a few MB. */
    public static final int BATCH = 500;

    private StreamedQueries() {}

    /** The query, read in batches of {@link #BATCH}. */
    public static Query batched(Query query) {
        return query.cursorBatchSize(BATCH);
    }
}
