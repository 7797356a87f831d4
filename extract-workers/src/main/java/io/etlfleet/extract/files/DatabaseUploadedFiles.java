package io.etlfleet.extract.files;

import io.etlfleet.integrations.spi.UploadedFiles;
import io.etlfleet.storage.files.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/** The uploaded files connectors read, from {@code etl.integration_files}. */
public class DatabaseUploadedFiles implements UploadedFiles {

    private final FileStore files;

    public DatabaseUploadedFiles(FileStore files) {
        this.files = files;
    }

    @Override
    public List<StoredFile> list(String integrationId) {
        return files.list(UUID.fromString(integrationId)).stream()
                .map(f -> new StoredFile(f.id(), f.name(), f.sha256(), f.size(), f.uploadedAt()))
                .toList();
    }

    @Override
    public InputStream open(String integrationId, String fileId) throws IOException {
        return files.open(UUID.fromString(integrationId), UUID.fromString(fileId));
    }
}
