package io.etlfleet.api.input;

import io.etlfleet.api.errors.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Names what is wrong with a raw request path the server refused: the first segment that is
 * not UTF-8 or holds a refused character ({@link RefusedCharacters}), blamed on the path
 * variable of the most specific mapped endpoint that has a variable there ({@code id} in
 * {@code /api/v1/jobs/{id}}), or on no field when none has.
 */
final class PathVariableNames implements Function<String, FieldProblem> {

    /** Stands in for the refused segment while matching; no endpoint has it as a literal. */
    private static final String PROBE = "etl-refused-segment";

    private final Supplier<List<String>> mappedPatterns;
    private volatile List<PathPattern> patterns;

    /** @param mappedPatterns the endpoints' path patterns, read once on first use (the mappings exist by then) */
    PathVariableNames(Supplier<List<String>> mappedPatterns) {
        this.mappedPatterns = mappedPatterns;
    }

    /** The problem with {@code rawPath}, or null when every segment is acceptable. */
    @Override
    public FieldProblem apply(String rawPath) {
        String[] raw = rawPath.split("/", -1);
        List<String> decoded = PercentDecoding.pathSegments(rawPath);
        for (int i = 0; i < raw.length; i++) {
            String problem = decoded.get(i) == null ? PercentDecoding.NOT_UTF8
                    : RefusedCharacters.problem(decoded.get(i), false);
            if (problem != null) {
                return new FieldProblem(variableAt(raw, i), problem);
            }
        }
        return null;
    }

    private String variableAt(String[] raw, int index) {
        String[] probe = raw.clone();
        probe[index] = PROBE;
        for (int i = 0; i < probe.length; i++) {
            if (i != index && PercentDecoding.decode(probe[i], false) == null) {
                probe[i] = "x";
            }
        }
        PathContainer path = PathContainer.parsePath(String.join("/", probe));
        for (PathPattern pattern : patterns()) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            if (match == null) {
                continue;
            }
            for (Map.Entry<String, String> variable : match.getUriVariables().entrySet()) {
                if (PROBE.equals(variable.getValue())) {
                    return FieldNames.snakeCase(variable.getKey());
                }
            }
        }
        return null;
    }

    private List<PathPattern> patterns() {
        List<PathPattern> known = patterns;
        if (known == null) {
            List<PathPattern> parsed = new ArrayList<>();
            mappedPatterns.get().forEach(pattern -> parsed.add(PathPatternParser.defaultInstance.parse(pattern)));
            parsed.sort(PathPattern.SPECIFICITY_COMPARATOR);
            known = List.copyOf(parsed);
            patterns = known;
        }
        return known;
    }
}
