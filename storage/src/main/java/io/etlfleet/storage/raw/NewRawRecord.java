package io.etlfleet.storage.raw;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One complete source object to store.
 *
 * @param json        the object as compact JSON text
 * @param contentHash SHA-256 of {@code json}; equal hashes mean an unchanged object
 */
public record NewRawRecord(String externalId, String json, String contentHash, Instant sourceUpdatedAt) {

    public NewRawRecord {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public static NewRawRecord of(String externalId, String json, Instant sourceUpdatedAt) {
        return new NewRawRecord(externalId, json, sha256Hex(json), sourceUpdatedAt);
    }

    static String sha256Hex(String json) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
