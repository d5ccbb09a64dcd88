package uk.dapp.partnersupport.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Values as the release before the keysets wrote them (v1: raw AES-GCM key by name), to stand for
 * data already stored. FieldCipherTest checks this writer against values that release produced.
 */
final class V1Values {

    /** The demo profile's v1 key (application-demo.yml), as that release configured it. */
    static final String DEMO_KEY_ID = "demo-2026-11";

    static final String DEMO_KEY = "NFmCJP0hlzpINS+wKvEkJvl7Ou0tsbBmcTkgpf03a+c=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private V1Values() {}

    static String encrypt(String base64Key, String keyId, String plaintext, String context) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(("v1|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "v1:" + keyId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
