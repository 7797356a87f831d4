package io.etlfleet.storage.raw;

import io.etlfleet.storage.StorableText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One complete source object to store.
 *
 * @param externalId       the source's id of the object; a NUL or lone surrogate in it (which
 *                         PostgreSQL text refuses) is spelled as a JSON escape (backslash, {@code u}, four hex digits)
 * @param json             the object as compact JSON text, in the {@link LosslessJson} form when
 *                         {@code losslessMetadata} is set
 * @param contentHash      SHA-256 of the JSON text (of the rewritten text and its metadata when rewritten,
 *                         since UTF-8 cannot spell a lone surrogate); equal hashes mean an unchanged object
 * @param losslessMetadata what {@link LosslessJson#restore} needs to reproduce the original, or
 *                         null when {@code json} is the original
 */
public record NewRawRecord(String externalId, String json, String contentHash, Instant sourceUpdatedAt,
        String losslessMetadata) {

    public NewRawRecord {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public NewRawRecord(String externalId, String json, String contentHash, Instant sourceUpdatedAt) {
        this(externalId, json, contentHash, sourceUpdatedAt, null);
    }

    /** The object {@code json} (original JSON text) ready to store: hashed, and rewritten where jsonb needs it. */
    public static NewRawRecord of(String externalId, String json, Instant sourceUpdatedAt) {
        LosslessJson.Storable storable = LosslessJson.storable(json);
        String id = StorableText.forTextColumn(externalId);
        String hashed = storable.losslessMetadata() == null ? json : storable.json() + storable.losslessMetadata();
        return new NewRawRecord(id, storable.json(), sha256Hex(hashed), sourceUpdatedAt, storable.losslessMetadata());
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
