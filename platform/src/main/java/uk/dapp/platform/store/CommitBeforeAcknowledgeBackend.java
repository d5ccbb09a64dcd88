package uk.dapp.platform.store;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The embedded store's H2 backend commits in the background, so a process killed just after a
 * write was acknowledged could come back without it. This backend commits every command's
 * changes to the file before the reply leaves, so an acknowledged write survives {@code kill -9}.
 * (It survives a process crash, not a power cut: the OS has the bytes, the disk may not yet.
 * Production runs on MongoDB with journaled majority writes.)
 */
final class CommitBeforeAcknowledgeBackend extends IndexingH2Backend {

    private final MVStore store;

    CommitBeforeAcknowledgeBackend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // Unconditional: commit() takes the store lock, so it also waits for a commit another
            // thread started with our changes in it; it does nothing when nothing changed (reads).
            // A write that failed half-way is committed too, as MongoDB keeps what a failed
            // multi-insert already wrote.
            store.commit();
        }
    }
}
