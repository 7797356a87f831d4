package io.etlfleet.integrations.csv;

import io.etlfleet.integrations.spi.ConnectorSettings;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import tools.jackson.databind.JsonNode;

/**
 * A CSV integration's validated settings.
 *
 * <pre>
 * config.url         https URL of one CSV file (http only to this machine); without it, the
 *                    integration's uploaded files are read
 * config.max_bytes   largest file read from config.url, in bytes (1 GiB)
 * config.delimiter   one character between fields (",")
 * config.quote       one character around fields that hold delimiters, quotes or line breaks ("\"")
 * config.header      whether the first row names the columns (true); without one they are c1, c2, ...
 * config.encoding    the files' character set (UTF-8); a leading byte order mark is dropped
 * config.key         columns whose values identify a row (none: the row's file and line do)
 * config.entity      entity type of the rows ("rows")
 * config.page_size   rows per page (1000, 1..10000)
 * </pre>
 *
 * Reading nothing but the settings: no file is opened and no request sent.
 *
 * @param url the file to download, or null to read uploaded files
 */
public record CsvConfig(
        HttpUrl url,
        long maxBytes,
        char delimiter,
        char quote,
        boolean header,
        Charset encoding,
        List<String> key,
        String entity,
        int pageSize) {

    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final String DEFAULT_ENTITY = "rows";
    public static final int DEFAULT_PAGE_SIZE = 1000;
    public static final int MAX_PAGE_SIZE = 10_000;
    private static final Pattern ENTITY = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public CsvConfig {
        key = List.copyOf(key);
    }

    /** @throws InvalidConfigException naming the first offending field, e.g. {@code config.key[1]} */
    public static CsvConfig from(ConnectorSettings settings) {
        JsonNode config = settings.config();
        if (!config.isObject()) {
            throw new InvalidConfigException("config", "must be a JSON object");
        }
        char delimiter = character(config, "delimiter", ',');
        char quote = character(config, "quote", '"');
        if (quote == delimiter) {
            throw new InvalidConfigException("config.quote", "must differ from config.delimiter");
        }
        return new CsvConfig(SourceUrl.parse(config.get("url")), maxBytes(config.get("max_bytes")), delimiter, quote,
                bool(config, "header", true), encoding(config.get("encoding")), key(config.get("key")),
                entity(config.get("entity")), pageSize(config.get("page_size")));
    }

    /** Whether rows come from {@link #url()} rather than uploaded files. */
    public boolean downloads() {
        return url != null;
    }

    private static char character(JsonNode config, String name, char defaultValue) {
        JsonNode node = config.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        String text = node.isString() ? node.asString() : "";
        if (text.length() != 1 || text.charAt(0) == '\r' || text.charAt(0) == '\n') {
            throw new InvalidConfigException("config." + name, "must be exactly one character other than a line break");
        }
        return text.charAt(0);
    }

    private static boolean bool(JsonNode config, String name, boolean defaultValue) {
        JsonNode node = config.get(name);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            throw new InvalidConfigException("config." + name, "must be true or false");
        }
        return node.asBoolean();
    }

    private static long maxBytes(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_MAX_BYTES;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            throw new InvalidConfigException("config.max_bytes", "must be a whole number of bytes, at least 1");
        }
        return node.asLong();
    }

    private static Charset encoding(JsonNode node) {
        if (node == null || node.isNull()) {
            return StandardCharsets.UTF_8;
        }
        String name = node.isString() ? node.asString().trim() : "";
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidConfigException("config.encoding", "must name a supported character set, e.g. UTF-8 or ISO-8859-1");
        }
    }

    private static List<String> key(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidConfigException("config.key", "must be a non-empty list of column names, or left out");
        }
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "config.key[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isString() || item.asString().isEmpty()) {
                throw new InvalidConfigException(field, "must be a column name");
            }
            if (!seen.add(item.asString())) {
                throw new InvalidConfigException(field, "names column '" + item.asString() + "' twice");
            }
            columns.add(item.asString());
        }
        return columns;
    }

    private static String entity(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_ENTITY;
        }
        String name = node.isString() ? node.asString() : "";
        if (!ENTITY.matcher(name).matches()) {
            throw new InvalidConfigException("config.entity",
                    "must be lower-case letters, digits and underscores, starting with a letter, at most 63 characters");
        }
        return name;
    }

    private static int pageSize(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT_PAGE_SIZE;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1 || node.asInt() > MAX_PAGE_SIZE) {
            throw new InvalidConfigException("config.page_size", "must be a whole number from 1 to " + MAX_PAGE_SIZE);
        }
        return node.asInt();
    }

    /** Never shows the URL's query, which may carry a signature. */
    @Override
    public String toString() {
        return "CsvConfig[url=" + (url == null ? null : SourceUrl.withoutQuery(url)) + ", maxBytes=" + maxBytes
                + ", delimiter=" + delimiter + ", quote=" + quote + ", header=" + header + ", encoding=" + encoding
                + ", key=" + key + ", entity=" + entity + ", pageSize=" + pageSize + "]";
    }
}
