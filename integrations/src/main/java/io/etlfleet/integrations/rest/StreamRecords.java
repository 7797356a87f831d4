package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.JsonItems;
import io.etlfleet.integrations.spi.RejectedRecord;
import io.etlfleet.integrations.spi.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns the items of one page into records of a stream: the external id from the primary key
 * (the value of a single key, the JSON array of the values of several), the change time and
 * cursor value from the cursor field. An item without a key value is refused with its position,
 * the rest of the page goes on.
 */
final class StreamRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One page's records.
     *
     * @param maxCursor the greatest cursor value of the page's items, or null
     */
    record Read(List<SourceRecord> records, List<RejectedRecord> rejected, List<String> cursorValues, String maxCursor) {
    }

    private final RestStream stream;

    StreamRecords(RestStream stream) {
        this.stream = stream;
    }

    /** @param position where the page is, e.g. its endpoint; each refused item is named by it and its index */
    Read read(List<JsonItems.Item> items, String position) {
        List<SourceRecord> records = new ArrayList<>(items.size());
        List<RejectedRecord> rejected = new ArrayList<>();
        List<String> cursorValues = new ArrayList<>();
        String max = null;
        for (int i = 0; i < items.size(); i++) {
            JsonItems.Item item = items.get(i);
            JsonNode node = item.node() == null ? JSON.nullNode() : item.node();
            String externalId = externalId(node);
            if (externalId == null) {
                rejected.add(new RejectedRecord(position + " [" + i + "]", "has no primary key "
                        + String.join(", ", stream.keyFields()) + (node.isObject() ? "" : " (not a JSON object)")));
                continue;
            }
            String cursor = stream.cursorField() == null ? null : CursorValues.text(node.at(stream.cursorField()));
            if (cursor != null) {
                cursorValues.add(cursor);
                max = CursorValues.max(max, cursor);
            }
            records.add(new SourceRecord(externalId, node, item.json(), CursorValues.instant(cursor)));
        }
        return new Read(records, rejected, cursorValues, max);
    }

    private String externalId(JsonNode node) {
        List<JsonPointer> key = stream.primaryKey();
        if (key.size() == 1) {
            JsonNode value = node.at(key.get(0));
            return missing(value) ? null : value.isString() ? value.asString() : JSON.writeValueAsString(value);
        }
        ArrayNode values = JSON.createArrayNode();
        for (JsonPointer pointer : key) {
            JsonNode value = node.at(pointer);
            if (missing(value)) {
                return null;
            }
            values.add(value);
        }
        return JSON.writeValueAsString(values);
    }

    private static boolean missing(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.isString() && value.asString().isEmpty();
    }
}
