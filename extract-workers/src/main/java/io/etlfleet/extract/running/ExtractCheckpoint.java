package io.etlfleet.extract.running;

import io.etlfleet.storage.JsonColumns;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where an extract job resumes, per scope: scopes that are {@code done}, and for a scope in
 * progress the connector's opaque checkpoint ({@code resume}) after its last committed page.
 * Stored in {@code etl_jobs.checkpoint} as {@code {"scopes":{"<scope>":{"done":true}|{"resume":{...}}}}};
 * each committed page rewrites only its own scope's entry ({@link io.etlfleet.storage.jobs.JobStore#saveScopeCheckpoint}),
 * so scopes extracted concurrently each keep their position. The earlier form
 * {@code {"scope_index":n,"resume":{...}}} (scopes before n done) is still read.
 */
final class ExtractCheckpoint {

    private final Map<String, Map<String, String>> resume;
    private final Set<String> done;

    private ExtractCheckpoint(Map<String, Map<String, String>> resume, Set<String> done) {
        this.resume = resume;
        this.done = done;
    }

    /** The checkpoint stored as {@code json} for a job whose entity has {@code scopes}. */
    static ExtractCheckpoint parse(String json, List<String> scopes) {
        Map<String, Map<String, String>> resume = new LinkedHashMap<>();
        Set<String> done = new LinkedHashSet<>();
        if (json != null && !json.isBlank()) {
            JsonNode stored = JsonColumns.MAPPER.readTree(json);
            if (stored.has("scopes")) {
                for (Map.Entry<String, JsonNode> scope : stored.path("scopes").properties()) {
                    if (scope.getValue().path("done").asBoolean(false)) {
                        done.add(scope.getKey());
                    } else if (scope.getValue().has("resume")) {
                        resume.put(scope.getKey(), strings(scope.getValue().path("resume")));
                    }
                }
            } else if (stored.has("scope_index")) {
                int index = stored.path("scope_index").asInt(0);
                for (int i = 0; i < Math.min(index, scopes.size()); i++) {
                    done.add(scopes.get(i));
                }
                if (index < scopes.size() && !stored.path("resume").isEmpty()) {
                    resume.put(scopes.get(index), strings(stored.path("resume")));
                }
            }
        }
        return new ExtractCheckpoint(resume, done);
    }

    boolean done(String scope) {
        return done.contains(scope);
    }

    /** The connector's checkpoint to resume {@code scope} from; empty to start it afresh. */
    Map<String, String> resume(String scope) {
        return resume.getOrDefault(scope, Map.of());
    }

    /** The whole checkpoint, in the stored form. */
    String toJson() {
        ObjectNode root = JsonColumns.MAPPER.createObjectNode();
        ObjectNode scopes = root.putObject("scopes");
        done.forEach(scope -> scopes.set(scope, JsonColumns.MAPPER.createObjectNode().put("done", true)));
        resume.forEach((scope, position) -> scopes.set(scope, state(position)));
        return JsonColumns.write(root);
    }

    /** One scope's entry after a page whose connector checkpoint is {@code pageCheckpoint} (empty: the scope is done). */
    static String scopeStateAfter(Map<String, String> pageCheckpoint) {
        return pageCheckpoint.isEmpty() ? "{\"done\":true}" : JsonColumns.write(state(pageCheckpoint));
    }

    private static ObjectNode state(Map<String, String> position) {
        ObjectNode state = JsonColumns.MAPPER.createObjectNode();
        ObjectNode resume = state.putObject("resume");
        position.forEach(resume::put);
        return state;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
        return values;
    }
}
