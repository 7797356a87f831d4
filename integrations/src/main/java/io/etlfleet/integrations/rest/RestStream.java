package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * One configured stream ({@code config.streams[i]}): an endpoint below the base URL whose
 * records are one entity type. See {@link RestConnectorFactory} for the fields.
 *
 * @param keyFields   the primary key as configured (field names or pointers), for messages
 * @param cursorParam null when incremental runs cannot ask for changes only
 */
record RestStream(
        String name,
        String path,
        JsonPointer recordsPath,
        List<JsonPointer> primaryKey,
        List<String> keyFields,
        JsonPointer cursorField,
        String cursorFieldText,
        String cursorParam,
        Pagination pagination,
        Map<String, String> params) {

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> OPTIONS = Set.of("name", "path", "records_path", "primary_key", "cursor_field",
            "cursor_param", "pagination", "params");

    RestStream {
        primaryKey = List.copyOf(primaryKey);
        keyFields = List.copyOf(keyFields);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** @param reserved query parameters the connector sets itself for every request (an API key's) */
    static RestStream from(JsonNode node, String field, Set<String> reserved) {
        if (node == null || !node.isObject()) {
            throw new InvalidConfigException(field, "must be an object with name, path and primary_key");
        }
        ConfigFields.onlyOptions(node, field, "a stream", OPTIONS);
        String name = ConfigFields.requiredText(node, "name", field + ".name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidConfigException(field + ".name",
                    "must be lower case letters, digits and _ starting with a letter, at most 63 characters");
        }
        String path = path(ConfigFields.optionalText(node, "path", field + ".path"), field + ".path");
        String recordsPath = ConfigFields.optionalText(node, "records_path", field + ".records_path");
        JsonPointer records = ConfigFields.pointer(recordsPath == null ? "" : recordsPath, field + ".records_path", true);
        List<String> keyFields = keyFields(node.get("primary_key"), field + ".primary_key");
        List<JsonPointer> key = new ArrayList<>();
        for (int i = 0; i < keyFields.size(); i++) {
            key.add(ConfigFields.pointer(keyFields.get(i), field + ".primary_key[" + i + "]", false));
        }
        String cursorText = ConfigFields.optionalText(node, "cursor_field", field + ".cursor_field");
        JsonPointer cursor = cursorText == null ? null : ConfigFields.pointer(cursorText, field + ".cursor_field", false);
        String cursorParam = node.hasNonNull("cursor_param")
                ? ConfigFields.paramName(node, "cursor_param", field + ".cursor_param", null) : null;
        if (cursorParam != null && cursor == null) {
            throw new InvalidConfigException(field + ".cursor_field", "is required with cursor_param: the connector sends "
                    + cursorParam + "=<the greatest cursor_field value read by the last run>");
        }
        Pagination pagination = Pagination.from(node.get("pagination"), field + ".pagination");
        Map<String, String> params = params(node.get("params"), field + ".params");
        Set<String> taken = new HashSet<>(reserved);
        taken.addAll(pagination.ownParams());
        if (cursorParam != null && pagination.ownParams().contains(cursorParam)) {
            throw new InvalidConfigException(field + ".cursor_param", "is also a parameter of the pagination");
        }
        if (cursorParam != null) {
            taken.add(cursorParam);
        }
        for (String param : params.keySet()) {
            if (taken.contains(param)) {
                throw new InvalidConfigException(field + ".params." + param,
                        "is set by the connector (pagination, cursor_param or the API key)");
            }
        }
        return new RestStream(name, path, records, key, keyFields, cursor, cursorText, cursorParam, pagination, params);
    }

    /**
     * The stream's first page: {@code base_url} + {@code path} + {@code params}, and
     * {@code cursor_param=<fromCursor>} when given.
     */
    HttpUrl firstUrl(HttpUrl baseUrl, String fromCursor) {
        HttpUrl.Builder url = baseUrl.newBuilder();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.isEmpty()) {
            url.addEncodedPathSegments(relative);
        }
        params.forEach(url::addQueryParameter);
        if (cursorParam != null && fromCursor != null) {
            url.addQueryParameter(cursorParam, fromCursor);
        }
        return url.build();
    }

    private static String path(String path, String field) {
        if (path == null) {
            throw new InvalidConfigException(field, "is required, e.g. /v1/orders");
        }
        if (path.contains("?") || path.contains("#")) {
            throw new InvalidConfigException(field, "must be a path only; put query parameters in params");
        }
        if (path.contains("://") || path.startsWith("//") || path.chars().anyMatch(c -> c < 0x21 || c == 0x7F)) {
            throw new InvalidConfigException(field, "must be a path below config.base_url, without spaces");
        }
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new InvalidConfigException(field, "must not contain . or .. segments");
            }
        }
        return path;
    }

    private static List<String> keyFields(JsonNode node, String field) {
        if (node != null && node.isString() && !node.asString().isEmpty()) {
            return List.of(node.asString());
        }
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException(field, "must be a non-empty list of fields or JSON pointers, e.g. [\"id\"]");
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isString() || item.asString().isEmpty()) {
                throw new InvalidConfigException(field + "[" + i + "]", "must be a field name or a JSON pointer");
            }
            fields.add(item.asString());
        }
        return fields;
    }

    private static Map<String, String> params(JsonNode node, String field) {
        Map<String, String> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return params;
        }
        if (!node.isObject()) {
            throw new InvalidConfigException(field, "must be an object of query parameters");
        }
        for (Map.Entry<String, JsonNode> param : node.properties()) {
            JsonNode value = param.getValue();
            if (param.getKey().isEmpty() || !(value.isString() || value.isNumber() || value.isBoolean())) {
                throw new InvalidConfigException(field + "." + param.getKey(), "must be a string, number or boolean");
            }
            params.put(param.getKey(), value.isString() ? value.asString() : value.toString());
        }
        return params;
    }
}
