package io.etlfleet.storage.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that encrypts integration credentials, named by its {@link #id()}: the
 * first 8 hex characters of the SHA-256 of the key bytes. The id is stored next to every
 * ciphertext so a rotated key can still decrypt what it encrypted. {@link #toString()}
 * shows the id only.
 */
public final class MasterKey {

    /**
     * The key used when {@code ETL_MASTER_KEY} is not set. It is public (it is in the source
     * and the README), so it only suits local development; apps warn at start when they use it.
     */
    public static final String DEVELOPMENT_DEFAULT_BASE64 = "ZXRsLWZsZWV0IGRldmVsb3BtZW50IGtleSwgbm90IHM=";

    private static final int KEY_BYTES = 32;
    private static final String DEVELOPMENT_DEFAULT_ID = idOf(Base64.getDecoder().decode(DEVELOPMENT_DEFAULT_BASE64));

    private final String id;
    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.id = idOf(bytes);
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /**
     * Reads a key from standard or URL-safe base64.
     *
     * @throws IllegalArgumentException when the value is not base64 or not 32 bytes long; the
     *                                  message never repeats the value
     */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("master key is empty; expected base64 of 32 random bytes");
        }
        byte[] bytes;
        try {
            String trimmed = base64.trim();
            bytes = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key is not valid base64; expected base64 of 32 random bytes");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("master key must be 32 bytes, was " + bytes.length
                    + "; generate one with: openssl rand -base64 32");
        }
        return new MasterKey(bytes);
    }

    public static MasterKey developmentDefault() {
        return fromBase64(DEVELOPMENT_DEFAULT_BASE64);
    }

    public String id() {
        return id;
    }

    public boolean isDevelopmentDefault() {
        return id.equals(DEVELOPMENT_DEFAULT_ID);
    }

    SecretKey secretKey() {
        return key;
    }

    private static String idOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
