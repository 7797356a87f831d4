package io.etlfleet.storage.flows;

/**
 * One thing wrong with a flow definition.
 *
 * @param field   the field as the API shows it: {@code target_table}, {@code key[0]},
 *                {@code mappings[2].transform[1]}
 * @param message what is wrong, for a person
 */
public record FieldProblem(String field, String message) {
}
