package io.etlfleet.api.input;

import io.etlfleet.api.errors.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds refused characters ({@link RefusedCharacters}) in every string value and every field
 * name of a JSON document, naming each by its JSON path as the API's other field errors do:
 * {@code name}, {@code config.tables[0].name}, {@code credentials.token}. A field name that
 * holds one is shown escaped ({@code config.a\u0000b}); values are never shown.
 */
final class JsonTextCheck {

    /** Enough to fix a request; a body full of NULs does not make a megabyte of errors. */
    static final int MAX_PROBLEMS = 10;

    private final Set<String> freeTextPaths;
    private final List<FieldProblem> problems = new ArrayList<>();

    private JsonTextCheck(Set<String> freeTextPaths) {
        this.freeTextPaths = freeTextPaths;
    }

    /**
     * @param freeTextPaths JSON paths of {@link FreeText} fields, whose values may hold TAB, LF and CR
     */
    static List<FieldProblem> problems(JsonNode document, Set<String> freeTextPaths) {
        JsonTextCheck check = new JsonTextCheck(freeTextPaths);
        check.visit(document, "");
        return List.copyOf(check.problems);
    }

    private void visit(JsonNode node, String path) {
        if (problems.size() >= MAX_PROBLEMS) {
            return;
        }
        if (node.isString()) {
            add(path, RefusedCharacters.problem(node.asString(), freeTextPaths.contains(path)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visit(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String name = property.getKey();
                String problem = RefusedCharacters.problem(name, false);
                String child = (path.isEmpty() ? "" : path + ".") + (problem == null ? name : RefusedCharacters.escaped(name));
                if (problem != null) {
                    add(child, "has a name that " + problem);
                }
                visit(property.getValue(), child);
            }
        }
    }

    private void add(String path, String problem) {
        // A body that is a bare string is no field: the JSON binding refuses it as not an object.
        if (problem != null && !path.isEmpty() && problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem(path, problem));
        }
    }
}
