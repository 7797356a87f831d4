package io.etlfleet.api.errors;

/**
 * One offending field of a request.
 *
 * @param field JSON path in snake_case, e.g. {@code config.repositories[0]}, or a query parameter
 */
public record FieldProblem(String field, String message) {
}
