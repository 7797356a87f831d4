package io.etlfleet.api.files;

import io.etlfleet.api.errors.ApiException;
import io.etlfleet.api.integrations.IntegrationService;
import io.etlfleet.api.security.Caller;
import io.etlfleet.storage.files.FileStore;
import io.etlfleet.storage.integrations.Integration;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Files of csv integrations: uploaded as multipart field {@code file}, kept durably in the
 * database, read by the next extraction. The same bytes uploaded again are the file already kept
 * (200 instead of 201, {@code created} false).
 */
@RestController
@RequestMapping(path = "/api/v1/integrations/{id}/files", produces = MediaType.APPLICATION_JSON_VALUE)
public class IntegrationFileController {

    private static final Logger log = LoggerFactory.getLogger(IntegrationFileController.class);
    static final int MAX_NAME_LENGTH = 255;

    /** A stored file as the API shows it. */
    public record FileResponse(String id, String name, String sha256, long size, Instant uploadedAt, boolean created) {
    }

    /** An integration's files, oldest upload first. */
    public record FileListResponse(List<FileResponse> items) {
    }

    private final IntegrationService integrations;
    private final FileStore files;
    private final long maxBytes;

    public IntegrationFileController(IntegrationService integrations, FileStore files, UploadLimit limit) {
        this.integrations = integrations;
        this.files = files;
        this.maxBytes = limit.maxBytes();
    }

    /** Takes {@code multipart/form-data} with the file in field {@code file}; anything else answers 400 naming it. */
    @PostMapping
    public ResponseEntity<FileResponse> upload(Caller caller, @PathVariable UUID id, HttpServletRequest request)
            throws IOException {
        Integration integration = csvIntegration(caller, id);
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file") : null;
        if (file == null) {
            throw ApiException.badRequest("file", "is required: send the CSV as multipart/form-data field 'file'");
        }
        String name = name(file.getOriginalFilename());
        FileStore.Upload upload;
        try (InputStream content = file.getInputStream()) {
            upload = files.store(integration.tenantId(), integration.id(), name, content, maxBytes);
        } catch (FileStore.TooLargeException e) {
            throw ApiException.contentTooLarge(maxBytes);
        }
        FileResponse body = response(upload.file(), upload.created());
        log.info("{} file {} '{}' ({} bytes) of integration {}", upload.created() ? "Stored" : "Kept unchanged",
                body.id(), body.name(), body.size(), integration.id());
        return upload.created()
                ? ResponseEntity.created(URI.create("/api/v1/integrations/" + id + "/files/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping
    public FileListResponse list(Caller caller, @PathVariable UUID id) {
        Integration integration = csvIntegration(caller, id);
        return new FileListResponse(files.list(integration.id()).stream().map(f -> response(f, false)).toList());
    }

    /** Forgets a file; raw rows already extracted from it stay. */
    @DeleteMapping("/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Caller caller, @PathVariable UUID id, @PathVariable UUID fileId) {
        Integration integration = csvIntegration(caller, id);
        if (!files.delete(integration.id(), fileId)) {
            throw ApiException.notFound("file", fileId);
        }
    }

    private Integration csvIntegration(Caller caller, UUID id) {
        Integration integration = integrations.find(caller, id, null);
        if (!"csv".equals(integration.type())) {
            throw ApiException.conflict("id", "integration " + id + " is a " + integration.type()
                    + " integration; only csv integrations take files");
        }
        return integration;
    }

    private static String name(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "upload.csv";
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiException.badRequest("file", "the file name must be at most " + MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        return name;
    }

    private static FileResponse response(FileStore.StoredFile file, boolean created) {
        return new FileResponse(file.id(), file.name(), file.sha256(), file.size(), file.uploadedAt(), created);
    }

    /** The largest file accepted, {@code ETL_MAX_UPLOAD_SIZE}. */
    public record UploadLimit(long maxBytes) {
    }
}
