package io.etlfleet.storage.crypto;

import java.util.Objects;

/**
 * Credentials as stored: {@code nonce || ciphertext+tag} under the master key named by
 * {@code keyId}.
 */
public record EncryptedCredentials(String keyId, byte[] ciphertext) {

    public EncryptedCredentials {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedCredentials[keyId=" + keyId + ", bytes=" + ciphertext.length + "]";
    }
}
