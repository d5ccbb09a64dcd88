package uk.dapp.gateway.ratelimit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Bucket4j's buckets kept in a MongoDB collection, one document per user: {@code _id} the key,
 * {@code state} Bucket4j's serialised bucket, {@code expiresAt} when a bucket left alone would be
 * full again (a TTL index removes it then: a full bucket and no bucket give the same answers).
 *
 * <p>Bucket4j ships no MongoDB back end; it offers compare-and-swap as the way to add one. The swap
 * is a single-document conditional write, which MongoDB applies atomically on the primary: an
 * insert that fails on the duplicate {@code _id} when another replica created the bucket first, or
 * an update whose filter names the state this replica read. A lost race makes Bucket4j read again
 * and retry, so no request is counted twice or not at all, whichever replica it reached.
 */
final class MongoBucketStore extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final MongoCollection<Document> buckets;

    MongoBucketStore(MongoCollection<Document> buckets, ClientSideConfig config) {
        super(config);
        this.buckets = buckets;
    }

    /** The index that lets MongoDB drop buckets that have refilled; safe to call on every start. */
    void createExpiryIndex() {
        buckets.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                Document bucket = buckets.find(Filters.eq("_id", key)).first();
                return bucket == null
                        ? Optional.empty()
                        : Optional.of(bucket.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                Date expiresAt = expiresAt(newState);
                if (originalData == null) {
                    try {
                        buckets.insertOne(new Document("_id", key)
                                .append("state", new Binary(newData))
                                .append("expiresAt", expiresAt));
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            return false; // another replica made the bucket first: read it and try again
                        }
                        throw e;
                    }
                }
                return buckets.updateOne(
                                        Filters.and(
                                                Filters.eq("_id", key), Filters.eq("state", new Binary(originalData))),
                                        Updates.combine(
                                                Updates.set("state", new Binary(newData)),
                                                Updates.set("expiresAt", expiresAt)))
                                .getMatchedCount()
                        == 1;
            }
        };
    }

    private Date expiresAt(RemoteBucketState state) {
        long ttlMillis = getClientSideConfig()
                .getExpirationAfterWriteStrategy()
                .map(strategy -> strategy.calculateTimeToLiveMillis(state, currentTimeNanos()))
                .orElse(Long.MAX_VALUE / 2);
        return new Date(System.currentTimeMillis() + ttlMillis);
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException(
                "the gateway calls the bucket store from a worker thread, never asynchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public void removeProxy(String key) {
        buckets.deleteOne(Filters.eq("_id", key));
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no asynchronous mode"));
    }
}
