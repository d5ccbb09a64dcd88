package uk.dapp.partnersupport.crypto;

/**
 * A field stored encrypted: its collection, its path in the document, and the name bound into its
 * ciphertext with the record's ID ({@code <collection>/<id>/<name>}, the associated data).
 * {@code clearBefore}: a release before this one stored the field in the clear, so a value in no
 * encrypted format is that clear value (read as it is, and encrypted by the re-encryption job).
 */
public record EncryptedField(String collection, String path, String name, boolean clearBefore) {

    /** A field stored encrypted from its first release. */
    public EncryptedField(String collection, String path, String name) {
        this(collection, path, name, false);
    }

    /** The associated data of this field in the record {@code id}. */
    public String context(String id) {
        return collection + "/" + id + "/" + name;
    }

    @Override
    public String toString() {
        return collection + "." + path;
    }
}
