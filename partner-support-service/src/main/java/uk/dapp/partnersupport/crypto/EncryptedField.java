package uk.dapp.partnersupport.crypto;

/**
 * A field stored encrypted: its collection, its path in the document, and the name bound into its
 * ciphertext with the record's ID ({@code <collection>/<id>/<name>}, the associated data).
 */
public record EncryptedField(String collection, String path, String name) {

    /** The associated data of this field in the record {@code id}. */
    public String context(String id) {
        return collection + "/" + id + "/" + name;
    }

    @Override
    public String toString() {
        return collection + "." + path;
    }
}
