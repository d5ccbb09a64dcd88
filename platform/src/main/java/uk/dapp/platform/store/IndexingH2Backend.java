package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The library's H2 backend with the non-unique indexes the services declare kept and used
 * ({@link SecondaryIndex}, {@link IndexPlanner}) where the stock backend accepts them and scans
 * (ADR 0002). Everything else is the stock backend's.
 */
class IndexingH2Backend extends H2Backend {

    /** The map names the stock H2Database gives a collection's documents and metadata (kept, so old files open). */
    private static final String DOCUMENTS_PREFIX = "databases.";

    private static final String META_PREFIX = "meta.";

    IndexingH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexingDatabase(databaseName);
    }

    /**
     * An inner class on purpose: the stock database opens its collections and indexes from its
     * constructor, before a subclass could have set a field, and an inner class's reference to
     * its backend (whose store is already set) is in place before that constructor runs.
     */
    private final class IndexingDatabase extends H2Database {

        IndexingDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore()
                    .openMap(
                            DOCUMENTS_PREFIX + fullName,
                            new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new IndexedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        /**
         * An aggregation that starts with {@code $match} reads its input through the query planner
         * (so through an index where one serves) instead of the whole collection; the stages then
         * run as the library runs them, the {@code $match} included. This is how the driver's
         * {@code countDocuments}, and so Spring Data's {@code count}, reaches the store.
         */
        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver databaseResolver, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName) {
                List<Document> pipeline = Aggregation.parse(Aggregation.parse(query.get("pipeline")));
                MongoCollection<Object> collection = resolveCollection(collectionName, false);
                if (collection != null
                        && !pipeline.isEmpty()
                        && pipeline.get(0).get("$match") instanceof Document match
                        && !mentionsExpr(match)) {
                    Document counted = countFromIndex(collection, pipeline, match);
                    if (counted != null) {
                        return counted;
                    }
                    if (match.isEmpty()) {
                        return super.handleCommand(channel, command, query, databaseResolver, oplog);
                    }
                    Aggregation aggregation =
                            Aggregation.fromPipeline(pipeline, databaseResolver, this, collection, oplog);
                    aggregation.validate(query);
                    // wrapped, as the find command wraps a filter: the library reads a top-level "query"
                    // key as the legacy wrapper, and a filter may name a field "query" (the audit does)
                    List<Document> result =
                            aggregation.runStages(collection.handleQueryAsStream(new Document("query", match)));
                    return firstBatch(collectionName, result);
                }
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        }

        private Document firstBatch(String collectionName, List<Document> result) {
            Document cursor = new Document("id", 0L)
                    .append("ns", getFullCollectionNamespace(collectionName))
                    .append("firstBatch", result);
            return new Document("cursor", cursor).append("ok", 1.0);
        }

        /**
         * The driver's {@code countDocuments} ({@code $match} then {@code $group} of a constant with
         * {@code n: {$sum: 1}}), answered from index entries when an index answers the filter
         * exactly ({@link IndexCount}), or from the collection's size when the filter is empty; null
         * otherwise.
         */
        private Document countFromIndex(MongoCollection<Object> collection, List<Document> pipeline, Document match) {
            if (pipeline.size() != 2
                    || !(pipeline.get(1).get("$group") instanceof Document group)
                    || group.size() != 2
                    || !new Document("$sum", 1).equals(group.get("n"))
                    || group.get("_id") instanceof Document
                    || (group.get("_id") instanceof String id && id.startsWith("$"))) {
                return null;
            }
            // an empty filter counts every document: the collection knows how many without reading them
            // (the library would read the whole collection into memory first, and run out of it on a big one)
            Long count = match.isEmpty()
                    ? (Long) (long) collection.count()
                    : IndexCount.exact(match, collection.getIndexes());
            if (count == null) {
                return null;
            }
            List<Document> result = count == 0
                    ? List.of()
                    : List.of(new Document("_id", group.get("_id"))
                            .append("n", count <= Integer.MAX_VALUE ? (Object) count.intValue() : count));
            return firstBatch(collection.getCollectionName(), result);
        }

        /** Whether a filter uses {@code $expr}, which may name the pipeline's variables: left to the library. */
        private static boolean mentionsExpr(Object value) {
            if (value instanceof Document document) {
                return document.keySet().contains("$expr")
                        || document.values().stream().anyMatch(v -> mentionsExpr(v));
            }
            return value instanceof List<?> list && list.stream().anyMatch(v -> mentionsExpr(v));
        }

        /**
         * Unique indexes in maps of their own name and key type ({@link OrderedUniqueIndex}). A file
         * written by the stock backend has them under its own name, keyed by H2's object type: that
         * map is removed and the index built again from the documents when the file is first opened.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            String stockName = stockMapName(collectionName, indexName);
            if (getMvStore().hasMap(stockName)) {
                getMvStore().removeMap(stockName);
            }
            MVMap<KeyValue, Object> entries = getMvStore()
                    .openMap(
                            uniqueMapName(collectionName, indexName),
                            new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new OrderedUniqueIndex(indexName, keys, sparse, entries);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = uniqueMapName(collection.getCollectionName(), indexName);
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        private String uniqueMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._unique_" + indexName;
        }

        /** The name the stock database gives an index's map, so that its dropIndex removes a secondary index's too. */
        private String stockMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<IndexEntry, Boolean> entries = getMvStore()
                    .openMap(
                            stockMapName(collectionName, indexName),
                            new MVMap.Builder<IndexEntry, Boolean>().keyType(IndexEntryType.INSTANCE));
            return new SecondaryIndex(indexName, keys, sparse, entries, "_id");
        }
    }
}
