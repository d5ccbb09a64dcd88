package uk.dapp.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
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
            MVMap<Object, Document> documents = getMvStore().openMap(DOCUMENTS_PREFIX + fullName);
            MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + fullName);
            return new IndexedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            // the name the stock database gives an index's map, so that its dropIndex removes this one too
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            MVMap<IndexEntry, Boolean> entries = getMvStore().openMap(mapName,
                    new MVMap.Builder<IndexEntry, Boolean>().keyType(IndexEntryType.INSTANCE));
            return new SecondaryIndex(indexName, keys, sparse, entries, "_id");
        }
    }
}
