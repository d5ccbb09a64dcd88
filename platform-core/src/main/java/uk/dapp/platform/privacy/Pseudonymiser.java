package uk.dapp.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uk.dapp.platform.caseid.CaseId;

/**
 * Replaces a case ID with a keyed pseudonym for one extract: HMAC-SHA256 under a key made for
 * that extract, so rows about the same case carry the same pseudonym within it, while two extracts
 * cannot be joined unless the evaluator is deliberately given the same key ({@link #withKey}).
 *
 * <p>A pseudonym is {@code psn_} and 21 lower-case Crockford base-32 symbols (the first 105 bits
 * of the HMAC): URL-safe, always {@value #LENGTH} characters, and never mistaken for a case ID,
 * which is upper case, 18 symbols and cannot contain {@code _} ({@link CaseId#parse} refuses it).
 * Without the key nobody can go back from a pseudonym to the case, not even by trying every
 * case ID, because the key has 256 bits. Safe for use by several threads.
 */
public final class Pseudonymiser {

    public static final String PREFIX = "psn_";
    static final int SYMBOLS = 21;
    public static final int LENGTH = 4 + SYMBOLS;
    public static final int KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    // binds the HMAC to this use, so a key reused elsewhere by mistake yields unrelated values
    private static final byte[] CONTEXT = "dapp-case-pseudonym-v1:".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    // initialised once, as an extract makes one pseudonym per row; not thread-safe, so used under its own lock
    private final Mac mac;

    private Pseudonymiser(byte[] key) {
        this.mac = newMac(new SecretKeySpec(key, ALGORITHM));
    }

    /**
     * A pseudonymiser under a fresh 256-bit key that is never shown: the usual case, one per
     * extract, so the extract cannot be linked to any other.
     */
    public static Pseudonymiser withRandomKey() {
        return new Pseudonymiser(newKey());
    }

    /**
     * A pseudonymiser under a key the caller keeps, for an evaluator who is to link two extracts.
     *
     * @param key at least {@value #KEY_BYTES} bytes (copied; later changes to the array do nothing)
     */
    public static Pseudonymiser withKey(byte[] key) {
        if (key == null || key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key has at least " + KEY_BYTES + " bytes");
        }
        return new Pseudonymiser(key.clone());
    }

    /** A fresh random key of {@value #KEY_BYTES} bytes from {@link SecureRandom}, to be kept and given to {@link #withKey}. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The pseudonym of a case. */
    public String pseudonym(CaseId caseId) {
        byte[] id = caseId.value().getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(CONTEXT, CONTEXT.length + id.length);
        System.arraycopy(id, 0, message, CONTEXT.length, id.length);
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(message); // and the Mac is reset for the next
        }
        return PREFIX + base32(digest);
    }

    /**
     * The pseudonym of a case ID however it was typed (case, hyphens, look-alikes), so that every
     * service's copy of the same case gets the same pseudonym.
     *
     * @throws uk.dapp.platform.caseid.InvalidCaseIdException if it is not a valid case ID
     */
    public String pseudonym(String caseId) {
        return pseudonym(CaseId.parse(caseId));
    }

    /** True for text shaped like a pseudonym (it does not say which key made it). */
    public static boolean looksLikePseudonym(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (Arrays.binarySearch(ALPHABET, text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The first 5 * SYMBOLS bits of the digest, most significant first. */
    private static String base32(byte[] digest) {
        char[] out = new char[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            int bit = i * 5;
            int twoBytes = ((digest[bit / 8] & 0xff) << 8) | (digest[bit / 8 + 1] & 0xff);
            out[i] = ALPHABET[(twoBytes >>> (11 - bit % 8)) & 0x1f];
        }
        return new String(out);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "Pseudonymiser[HMAC-SHA256, key hidden]";
    }
}
