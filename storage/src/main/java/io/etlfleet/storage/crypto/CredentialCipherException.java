package io.etlfleet.storage.crypto;

/**
 * Stored credentials cannot be decrypted: the master key that encrypted them is not
 * configured, or the ciphertext was altered. The message names the key id, never a secret.
 */
public class CredentialCipherException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CredentialCipherException(String message) {
        super(message);
    }

    public CredentialCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
