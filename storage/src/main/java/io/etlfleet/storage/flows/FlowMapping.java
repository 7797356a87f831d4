package io.etlfleet.storage.flows;

import java.util.List;

/**
 * One target column of a flow and where its value comes from.
 *
 * @param source     a JSON pointer into the raw object ({@code /user/login}); {@code ""} is the
 *                   whole object, for jsonb columns only
 * @param target     the column name
 * @param type       the column type
 * @param transforms applied in order to the value the pointer finds; may be empty
 */
public record FlowMapping(String source, String target, ColumnType type, List<FlowTransform> transforms) {

    public FlowMapping {
        transforms = List.copyOf(transforms);
    }
}
