package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.UploadedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link UploadedFiles} kept in memory, like the runtime's store: an identical re-upload keeps
 * the file it repeats (same id, same uploadedAt). Counts opens and can fail the next ones.
 */
final class InMemoryUploadedFiles implements UploadedFiles {

    private final Map<String, Map<String, Stored>> byIntegration = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger opens = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private Instant clock = Instant.parse("2024-03-01T10:00:00Z");

    private record Stored(StoredFile file, Supplier<InputStream> content) {
    }

    StoredFile upload(String integrationId, String name, String text) {
        return upload(integrationId, name, text.getBytes(StandardCharsets.UTF_8));
    }

    synchronized StoredFile upload(String integrationId, String name, byte[] bytes) {
        String sha256 = sha256(bytes);
        Map<String, Stored> files = byIntegration.computeIfAbsent(integrationId, k -> new LinkedHashMap<>());
        for (Stored stored : files.values()) {
            if (stored.file().sha256().equals(sha256)) {
                return stored.file();
            }
        }
        return add(files, new StoredFile("file-" + ids.incrementAndGet(), name, sha256, bytes.length, nextInstant()),
                () -> new ByteArrayInputStream(bytes));
    }

    /** A file whose bytes are produced as they are read, never held whole. */
    synchronized StoredFile uploadStream(String integrationId, String name, long size, Supplier<InputStream> content) {
        Map<String, Stored> files = byIntegration.computeIfAbsent(integrationId, k -> new LinkedHashMap<>());
        return add(files, new StoredFile("file-" + ids.incrementAndGet(), name, "generated-" + ids.get(), size,
                nextInstant()), content);
    }

    synchronized void delete(String integrationId, String fileId) {
        byIntegration.getOrDefault(integrationId, Map.of()).remove(fileId);
    }

    void failNextOpens(int count) {
        failuresLeft.set(count);
    }

    int opens() {
        return opens.get();
    }

    @Override
    public synchronized List<StoredFile> list(String integrationId) {
        List<StoredFile> files = new ArrayList<>();
        byIntegration.getOrDefault(integrationId, Map.of()).values().forEach(stored -> files.add(stored.file()));
        return files;
    }

    @Override
    public synchronized InputStream open(String integrationId, String fileId) throws IOException {
        opens.incrementAndGet();
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("file store unavailable");
        }
        Stored stored = byIntegration.getOrDefault(integrationId, Map.of()).get(fileId);
        if (stored == null) {
            throw new IOException("no file " + fileId);
        }
        return stored.content().get();
    }

    private StoredFile add(Map<String, Stored> files, StoredFile file, Supplier<InputStream> content) {
        files.put(file.id(), new Stored(file, content));
        return file;
    }

    private Instant nextInstant() {
        clock = clock.plusSeconds(60);
        return clock;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
