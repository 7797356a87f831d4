package io.etlfleet.extract.running;

import io.etlfleet.storage.JsonColumns;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * Where an extract job resumes: the index of the scope in progress (scopes before it are
 * complete) and the connector's opaque checkpoint within that scope. Stored as JSON in
 * {@code etl_jobs.checkpoint} with every committed page.
 */
record ExtractCheckpoint(int scopeIndex, Map<String, String> resume) {

    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };

    static final ExtractCheckpoint START = new ExtractCheckpoint(0, Map.of());

    ExtractCheckpoint {
        resume = resume == null ? Map.of() : Map.copyOf(resume);
    }

    static ExtractCheckpoint parse(String json) {
        if (json == null || json.isBlank()) {
            return START;
        }
        Stored stored = JsonColumns.MAPPER.readValue(json, STORED);
        return new ExtractCheckpoint(stored.scope_index(), stored.resume());
    }

    String toJson() {
        return JsonColumns.write(new Stored(scopeIndex, resume));
    }

    /** The checkpoint after a page of scope {@code index}: within it, or at the start of the next scope. */
    static ExtractCheckpoint after(int index, Map<String, String> pageCheckpoint) {
        return pageCheckpoint.isEmpty() ? new ExtractCheckpoint(index + 1, Map.of()) : new ExtractCheckpoint(index, pageCheckpoint);
    }

    @SuppressWarnings("checkstyle:RecordComponentName")
    private record Stored(int scope_index, Map<String, String> resume) {
    }
}
