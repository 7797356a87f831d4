package io.etlfleet.integrations.spi;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Files uploaded to an integration ({@code POST /integrations/{id}/files}), kept durably by the
 * runtime. A connector lists an integration's files and streams each one; it never holds a whole
 * file in memory.
 */
public interface UploadedFiles {

    /**
     * One stored file.
     *
     * @param id         stable id of the stored bytes
     * @param name       file name as uploaded
     * @param sha256     hex SHA-256 of the bytes; an identical re-upload keeps the same file
     * @param size       bytes
     * @param uploadedAt when the file was (first) uploaded
     */
    record StoredFile(String id, String name, String sha256, long size, Instant uploadedAt) {
    }

    /** The integration's files, oldest upload first. */
    List<StoredFile> list(String integrationId);

    /** The file's bytes, streamed; the caller closes the stream. */
    InputStream open(String integrationId, String fileId) throws IOException;

    /** No files: for processes that never run file-based connectors. */
    static UploadedFiles none() {
        return new UploadedFiles() {
            @Override
            public List<StoredFile> list(String integrationId) {
                return List.of();
            }

            @Override
            public InputStream open(String integrationId, String fileId) throws IOException {
                throw new IOException("no uploaded file " + fileId + " in this process");
            }
        };
    }
}
