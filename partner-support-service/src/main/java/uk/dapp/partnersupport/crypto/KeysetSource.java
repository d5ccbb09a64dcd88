package uk.dapp.partnersupport.crypto;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the keyset comes from: the {@code keyset} setting (JSON) or the file {@code keyset-file}
 * names. A file is read again on request and answers a new keyset only when its content changed,
 * which is how a rotated Kubernetes Secret reaches a running service.
 *
 * <p>Extension point: a keyset encrypted under a key management service's key would be read here,
 * with {@code TinkJsonProtoKeysetFormat.parseEncryptedKeyset} and the KMS's {@code Aead} (Tink's
 * {@code tink-gcpkms} or {@code tink-awskms}), so the Secret holds only ciphertext. Not built: no
 * partnership has asked for one, and a Secret encrypted at rest in the cluster holds the keyset today.
 */
final class KeysetSource {

    private final String inline;
    private final Path file;
    private String lastRead;

    private KeysetSource(String inline, Path file) {
        this.inline = inline;
        this.file = file;
    }

    static KeysetSource of(EncryptionSettings settings) {
        boolean hasInline = settings.keyset() != null && !settings.keyset().isBlank();
        boolean hasFile =
                settings.keysetFile() != null && !settings.keysetFile().isBlank();
        if (hasInline == hasFile) {
            throw new IllegalStateException(
                    hasInline
                            ? "both dapp.partner-support.encryption.keyset and .keyset-file are set: set one"
                            : "no encryption keyset is configured: set dapp.partner-support.encryption.keyset-file (a Secret"
                                    + " mounted as a file) or .keyset (its JSON); KeysetTool makes one");
        }
        return hasInline
                ? new KeysetSource(settings.keyset(), null)
                : new KeysetSource(null, Path.of(settings.keysetFile()));
    }

    boolean isFile() {
        return file != null;
    }

    String describe() {
        return file == null ? "the keyset setting" : file.toString();
    }

    synchronized KeysetHandle read() {
        String json = file == null ? inline : readFile();
        KeysetHandle keyset = Keysets.parse(json);
        lastRead = json;
        return keyset;
    }

    /** A keyset when the file's content differs from the last one read; empty otherwise. */
    synchronized Optional<KeysetHandle> readIfChanged() {
        if (file == null) {
            return Optional.empty();
        }
        String json = readFile();
        if (json.equals(lastRead)) {
            return Optional.empty();
        }
        KeysetHandle keyset = Keysets.parse(json);
        lastRead = json;
        return Optional.of(keyset);
    }

    private String readFile() {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the encryption keyset file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
