package io.etlfleet.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypts integration credentials with AES-256-GCM: a random 12-byte nonce per encryption,
 * a 128-bit tag, stored as {@code nonce || ciphertext+tag}. Credentials are a flat map,
 * serialised to JSON before encryption.
 *
 * <p>New ciphertexts use the current key; ciphertexts are decrypted with the key their id
 * names, which may be a previous key kept for rotation. The caller may bind a ciphertext to
 * a context (the integration id), so credentials copied onto another row do not decrypt.
 * Thread-safe.
 */
public final class CredentialCipher {

    private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };

    private final MasterKey current;
    private final Map<String, MasterKey> byId = new TreeMap<>();
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(MasterKey current, List<MasterKey> previous) {
        this.current = current;
        byId.put(current.id(), current);
        previous.forEach(key -> byId.putIfAbsent(key.id(), key));
    }

    public CredentialCipher(MasterKey current) {
        this(current, List.of());
    }

    /**
     * Builds the cipher from the environment's values: {@code ETL_MASTER_KEY} (blank means the
     * development default, with a warning) and previous keys, comma-separated base64.
     */
    public static CredentialCipher fromSettings(String masterKeyBase64, String previousKeysBase64) {
        MasterKey current;
        if (masterKeyBase64 == null || masterKeyBase64.isBlank()) {
            current = MasterKey.developmentDefault();
            log.warn("ETL_MASTER_KEY is not set: integration credentials are encrypted with the public development "
                    + "key {}. Set ETL_MASTER_KEY to base64 of 32 random bytes (openssl rand -base64 32) "
                    + "before storing real credentials.", current.id());
        } else {
            current = MasterKey.fromBase64(masterKeyBase64);
        }
        List<MasterKey> previous = new ArrayList<>();
        if (previousKeysBase64 != null) {
            Arrays.stream(previousKeysBase64.split(","))
                    .map(String::trim)
                    .filter(value -> !value.isEmpty())
                    .map(MasterKey::fromBase64)
                    .forEach(previous::add);
        }
        return new CredentialCipher(current, previous);
    }

    public String currentKeyId() {
        return current.id();
    }

    public EncryptedCredentials encrypt(Map<String, String> credentials, String context) {
        byte[] plain = JSON.writeValueAsBytes(new TreeMap<>(credentials));
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(current.id(), context));
            byte[] sealed = cipher.doFinal(plain);
            byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return new EncryptedCredentials(current.id(), stored);
        } catch (GeneralSecurityException e) {
            throw new CredentialCipherException("credentials could not be encrypted with key " + current.id(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * @throws CredentialCipherException when the named key is not configured, the context
     *                                    differs from the one used to encrypt, or the bytes were altered
     */
    public Map<String, String> decrypt(EncryptedCredentials encrypted, String context) {
        MasterKey key = byId.get(encrypted.keyId());
        if (key == null) {
            throw new CredentialCipherException("credentials were encrypted with master key " + encrypted.keyId()
                    + ", which is not configured (configured: " + byId.keySet() + ")");
        }
        byte[] stored = encrypted.ciphertext();
        if (stored.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CredentialCipherException("stored credentials are truncated");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key.id(), context));
            plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return Map.copyOf(JSON.readValue(plain, MAP));
        } catch (AEADBadTagException e) {
            throw new CredentialCipherException("stored credentials failed authentication under key " + key.id()
                    + " (altered, or bound to another integration)", e);
        } catch (GeneralSecurityException e) {
            throw new CredentialCipherException("credentials could not be decrypted with key " + key.id(), e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        return ("etl-fleet/credentials/v1|" + keyId + "|" + (context == null ? "" : context))
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CredentialCipher[current=" + current.id() + ", keys=" + byId.keySet() + "]";
    }
}
