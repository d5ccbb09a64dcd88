package uk.dapp.partnersupport.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves every encrypted value to the keyset's primary key: a pass finds, field by field, the values
 * that do not begin with the primary key's prefix (older keys of the keyset, and v1 values), and
 * rewrites each one only if it is still what was read (a conditional update on the ciphertext), so
 * a worker's save in between wins and nothing is lost; several replicas may run passes at once.
 * The document's version is left alone: re-encryption changes no content, so it must not make a
 * worker's next save a conflict. Progress goes to the log per field and batch, never a value.
 * A value that cannot be decrypted (its key is missing) is counted, logged by record ID and left.
 */
public final class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);

    /** One field's figures in a pass: values stored, due to move, moved, not decryptable, and left after it. */
    public record FieldProgress(EncryptedField field, long values, long due, long rewritten, long failed, long left) {}

    /** A pass: the primary key it moved values to, and each field's figures. */
    public record Report(String primaryKey, List<FieldProgress> fields) {

        /** Values still on another key after the pass (not decryptable, or written meanwhile by a replica on an older keyset). */
        public long left() {
            return fields.stream().mapToLong(FieldProgress::left).sum();
        }

        public long rewritten() {
            return fields.stream().mapToLong(FieldProgress::rewritten).sum();
        }

        public long failed() {
            return fields.stream().mapToLong(FieldProgress::failed).sum();
        }
    }

    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final List<EncryptedFields> owners;
    private final int batch;

    public Reencryption(MongoTemplate mongo, FieldCipher cipher, List<EncryptedFields> owners, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("dapp.partner-support.encryption.reencrypt-batch must be at least 1");
        }
        this.mongo = mongo;
        this.cipher = cipher;
        this.owners = List.copyOf(owners);
        this.batch = batch;
    }

    public List<EncryptedField> fields() {
        return owners.stream()
                .flatMap(owner -> owner.encryptedFields().stream())
                .toList();
    }

    /** One pass over every encrypted field. */
    public Report runOnce() {
        String prefix = cipher.primaryPrefix();
        String primary = FieldCipher.keyOf(prefix + "x");
        List<FieldProgress> progress = new ArrayList<>();
        for (EncryptedField field : fields()) {
            progress.add(reencrypt(field, prefix, primary));
        }
        Report report = new Report(primary, progress);
        long due = progress.stream().mapToLong(FieldProgress::due).sum();
        if (due == 0) {
            log.debug("re-encryption: every encrypted value is on the primary {}", primary);
        } else if (report.left() == 0) {
            log.info(
                    "re-encryption done: {} values moved to the primary {}; every encrypted value is on it, so the"
                            + " keyset's other keys and the v1 keys ({}) are no longer used",
                    report.rewritten(),
                    primary,
                    cipher.legacyKeyIds().isEmpty() ? "none configured" : String.join(", ", cipher.legacyKeyIds()));
        } else {
            log.warn(
                    "re-encryption pass ended with {} of {} values still on older keys ({} could not be decrypted):"
                            + " the next pass tries again",
                    report.left(),
                    due,
                    report.failed());
        }
        return report;
    }

    private FieldProgress reencrypt(EncryptedField field, String prefix, String primary) {
        String collection = field.collection();
        long values =
                mongo.count(new Query(Criteria.where(field.path()).exists(true).ne(null)), collection);
        Criteria notOnPrimary =
                Criteria.where(field.path()).exists(true).ne(null).not().regex("^" + prefix); // digits and colons only
        long due = mongo.count(new Query(notOnPrimary), collection);
        if (due == 0) {
            return new FieldProgress(field, values, 0, 0, 0, 0);
        }
        log.info("re-encryption: {}: {} of {} values to move to the primary {}", field, due, values, primary);
        long rewritten = 0;
        long failed = 0;
        Object after = null;
        while (true) {
            Criteria page = after == null
                    ? notOnPrimary
                    : new Criteria()
                            .andOperator(notOnPrimary, Criteria.where("_id").gt(after));
            Query query = new Query(page).with(Sort.by("_id")).limit(batch);
            query.fields().include(field.path());
            List<Document> documents = mongo.find(query, Document.class, collection);
            if (documents.isEmpty()) {
                break;
            }
            for (Document document : documents) {
                after = document.get("_id");
                String stored = document.getEmbedded(Arrays.asList(field.path().split("\\.")), String.class);
                if (stored == null || stored.startsWith(prefix)) {
                    continue;
                }
                try {
                    String fresh = cipher.encrypt(
                            cipher.decrypt(field, stored, after.toString()), field.context(after.toString()));
                    var result = mongo.updateFirst(
                            Query.query(Criteria.where("_id")
                                    .is(after)
                                    .and(field.path())
                                    .is(stored)),
                            new Update().set(field.path(), fresh),
                            collection);
                    if (result.getModifiedCount() == 1) {
                        rewritten++;
                    }
                    // else a save replaced the value meanwhile, with the primary key
                } catch (RuntimeException e) {
                    failed++;
                    log.warn(
                            "re-encryption: {} of record {} stays on {}: {}",
                            field,
                            after,
                            FieldCipher.keyOf(stored),
                            e.getMessage());
                }
            }
            log.info("re-encryption: {}: {} of {} moved, {} failed", field, rewritten, due, failed);
        }
        return new FieldProgress(
                field, values, due, rewritten, failed, mongo.count(new Query(notOnPrimary), collection));
    }
}
