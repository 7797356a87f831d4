package io.etlfleet.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final Map<String, String> CREDENTIALS = Map.of("token", "ghp_secret-token-value", "user", "bot");

    private final String keyBase64 = randomBase64();
    private final MasterKey key = MasterKey.fromBase64(keyBase64);

    @Test
    void decryptsWhatItEncrypted() {
        CredentialCipher cipher = new CredentialCipher(key);

        EncryptedCredentials encrypted = cipher.encrypt(CREDENTIALS, "integration-1");

        assertThat(encrypted.keyId()).isEqualTo(key.id());
        assertThat(cipher.decrypt(encrypted, "integration-1")).isEqualTo(CREDENTIALS);
    }

    @Test
    void storesNonceThenCiphertextWithoutThePlainToken() {
        EncryptedCredentials encrypted = new CredentialCipher(key).encrypt(CREDENTIALS, "integration-1");

        String stored = new String(encrypted.ciphertext(), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("ghp_secret-token-value").doesNotContain("token");
        // 12-byte nonce, the JSON, and a 16-byte tag.
        assertThat(encrypted.ciphertext().length).isGreaterThan(12 + 16 + 20);
    }

    @Test
    void usesAFreshNonceForEveryEncryption() {
        CredentialCipher cipher = new CredentialCipher(key);

        byte[] first = cipher.encrypt(CREDENTIALS, "integration-1").ciphertext();
        byte[] second = cipher.encrypt(CREDENTIALS, "integration-1").ciphertext();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void detectsAlteredCiphertext() {
        CredentialCipher cipher = new CredentialCipher(key);
        EncryptedCredentials encrypted = cipher.encrypt(CREDENTIALS, "integration-1");
        byte[] altered = encrypted.ciphertext().clone();
        altered[altered.length - 20] ^= 0x01;

        assertThatThrownBy(() -> cipher.decrypt(new EncryptedCredentials(key.id(), altered), "integration-1"))
                .isInstanceOf(CredentialCipherException.class)
                .hasMessageContaining("failed authentication");
    }

    @Test
    void refusesCredentialsCopiedToAnotherIntegration() {
        CredentialCipher cipher = new CredentialCipher(key);
        EncryptedCredentials encrypted = cipher.encrypt(CREDENTIALS, "integration-1");

        assertThatThrownBy(() -> cipher.decrypt(encrypted, "integration-2"))
                .isInstanceOf(CredentialCipherException.class);
    }

    @Test
    void refusesAKeyIdItDoesNotHold() {
        EncryptedCredentials encrypted = new CredentialCipher(randomKey()).encrypt(CREDENTIALS, "integration-1");

        assertThatThrownBy(() -> new CredentialCipher(key).decrypt(encrypted, "integration-1"))
                .isInstanceOf(CredentialCipherException.class)
                .hasMessageContaining(encrypted.keyId())
                .hasMessageContaining("not configured");
    }

    @Test
    void decryptsWithAPreviousKeyAfterRotationAndEncryptsWithTheNewOne() {
        MasterKey newKey = randomKey();
        EncryptedCredentials old = new CredentialCipher(key).encrypt(CREDENTIALS, "integration-1");

        CredentialCipher rotated = new CredentialCipher(newKey, List.of(key));

        assertThat(rotated.decrypt(old, "integration-1")).isEqualTo(CREDENTIALS);
        assertThat(rotated.encrypt(CREDENTIALS, "integration-1").keyId()).isEqualTo(newKey.id());
        assertThat(rotated.currentKeyId()).isEqualTo(newKey.id());
    }

    @Test
    void fallsBackToTheDevelopmentKeyWhenNoMasterKeyIsSet() {
        CredentialCipher cipher = CredentialCipher.fromSettings("", null);

        assertThat(cipher.currentKeyId()).isEqualTo(MasterKey.developmentDefault().id());
    }

    @Test
    void readsPreviousKeysFromACommaSeparatedSetting() {
        EncryptedCredentials old = new CredentialCipher(key).encrypt(CREDENTIALS, "i");

        CredentialCipher cipher = CredentialCipher.fromSettings(randomBase64(), " , " + keyBase64);

        assertThat(cipher.decrypt(old, "i")).isEqualTo(CREDENTIALS);
    }

    @Test
    void neverShowsSecretsInToString() {
        CredentialCipher cipher = new CredentialCipher(key);
        EncryptedCredentials encrypted = cipher.encrypt(CREDENTIALS, "integration-1");

        assertThat(cipher.toString()).contains(key.id()).doesNotContain(keyBase64);
        assertThat(encrypted.toString()).contains(key.id()).doesNotContain("ghp_");
    }

    private static MasterKey randomKey() {
        return MasterKey.fromBase64(randomBase64());
    }

    private static String randomBase64() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
