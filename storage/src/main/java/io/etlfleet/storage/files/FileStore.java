package io.etlfleet.storage.files;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@code etl.integration_files}: files uploaded to csv integrations, kept in
 * {@value #CHUNK_BYTES}-byte chunks so neither the upload nor a reader ever holds a whole file.
 * An upload is written as an incomplete file, then either completed or, when the integration
 * already has the same bytes, dropped in favour of the file it has.
 */
public class FileStore {

    static final int CHUNK_BYTES = 1 << 20;
    private static final String COLUMNS = "id, name, sha256, size_bytes, uploaded_at";
    private static final RowMapper<StoredFile> MAPPER = (rs, ctx) -> new StoredFile(
            rs.getString("id"), rs.getString("name"), rs.getString("sha256"), rs.getLong("size_bytes"),
            rs.getObject("uploaded_at", Timestamp.class).toInstant());

    /** One stored file; {@code sha256} is the hex SHA-256 of its bytes. */
    public record StoredFile(String id, String name, String sha256, long size, Instant uploadedAt) {
    }

    /** What an upload did: the stored file, and whether it was new or the same bytes as one already kept. */
    public record Upload(StoredFile file, boolean created) {
    }

    /** The upload was larger than allowed; nothing of it is kept. */
    public static class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("the file is larger than the " + maxBytes + " bytes allowed");
        }
    }

    private final Jdbi jdbi;

    public FileStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Streams {@code content} into the store chunk by chunk, each chunk its own transaction.
     *
     * @throws TooLargeException when the content exceeds {@code maxBytes} (the partial file is removed)
     */
    public Upload store(UUID tenantId, UUID integrationId, String name, InputStream content, long maxBytes)
            throws IOException {
        UUID id = UUID.randomUUID();
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into etl.integration_files (id, tenant_id, integration_id, name, sha256, size_bytes)
                        values (:id, :tenantId, :integrationId, :name, :pending, 0)""")
                .bind("id", id).bind("tenantId", tenantId).bind("integrationId", integrationId).bind("name", name)
                .bind("pending", "pending:" + id)
                .execute());
        MessageDigest digest = sha256();
        long size = 0;
        int seq = 0;
        try {
            byte[] chunk;
            while ((chunk = content.readNBytes(CHUNK_BYTES)).length > 0) {
                size += chunk.length;
                if (size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                digest.update(chunk);
                int n = seq++;
                byte[] data = chunk;
                jdbi.useHandle(h -> h.createUpdate("insert into etl.integration_file_chunks (file_id, seq, data) values (:id, :seq, :data)")
                        .bind("id", id).bind("seq", n).bind("data", data).execute());
            }
        } catch (IOException | RuntimeException e) {
            delete(id);
            throw e;
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        long total = size;
        return jdbi.inTransaction(h -> {
            Optional<StoredFile> same = find(h, integrationId, sha);
            if (same.isPresent()) {
                h.createUpdate("delete from etl.integration_files where id = :id").bind("id", id).execute();
                return new Upload(same.get(), false);
            }
            StoredFile stored = h.createQuery("""
                            update etl.integration_files set sha256 = :sha, size_bytes = :size, complete = true,
                                   uploaded_at = clock_timestamp()
                             where id = :id
                            returning\s""" + COLUMNS)
                    .bind("id", id).bind("sha", sha).bind("size", total)
                    .map(MAPPER).one();
            return new Upload(stored, true);
        });
    }

    /** The integration's complete files, oldest upload first. */
    public List<StoredFile> list(UUID integrationId) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + """
                         from etl.integration_files
                        where integration_id = :integrationId and complete
                        order by uploaded_at, id""")
                .bind("integrationId", integrationId)
                .map(MAPPER).list());
    }

    /** The file's bytes, read one chunk at a time; the caller closes the stream. */
    public InputStream open(UUID integrationId, UUID file) throws IOException {
        boolean known = jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.integration_files
                         where id = :id and integration_id = :integrationId and complete""")
                .bind("id", file).bind("integrationId", integrationId)
                .mapTo(Long.class).one()) > 0;
        if (!known) {
            throw new IOException("integration " + integrationId + " has no file " + file);
        }
        return new ChunkStream(file);
    }

    /** Removes a file and its chunks; true when there was one. */
    public boolean delete(UUID integrationId, UUID fileId) {
        return jdbi.withHandle(h -> h.createUpdate("delete from etl.integration_files where id = :id and integration_id = :integrationId")
                .bind("id", fileId).bind("integrationId", integrationId).execute()) > 0;
    }

    private void delete(UUID fileId) {
        jdbi.useHandle(h -> h.createUpdate("delete from etl.integration_files where id = :id").bind("id", fileId).execute());
    }

    private static Optional<StoredFile> find(Handle h, UUID integrationId, String sha) {
        return h.createQuery("select " + COLUMNS + """
                         from etl.integration_files
                        where integration_id = :integrationId and sha256 = :sha and complete""")
                .bind("integrationId", integrationId).bind("sha", sha)
                .map(MAPPER).findOne();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a file one chunk (one query) at a time. */
    private final class ChunkStream extends InputStream {

        private final UUID fileId;
        private int nextSeq;
        private byte[] chunk = new byte[0];
        private int position;
        private boolean ended;

        ChunkStream(UUID fileId) {
            this.fileId = fileId;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return chunk[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean fill() {
            while (position >= chunk.length) {
                if (ended) {
                    return false;
                }
                int seq = nextSeq++;
                Optional<byte[]> next = jdbi.withHandle(h -> h.createQuery(
                                "select data from etl.integration_file_chunks where file_id = :id and seq = :seq")
                        .bind("id", fileId).bind("seq", seq)
                        .mapTo(byte[].class).findOne());
                if (next.isEmpty()) {
                    ended = true;
                    return false;
                }
                chunk = next.get();
                position = 0;
            }
            return true;
        }
    }
}
