package io.etlfleet.integrations.rest;

import io.etlfleet.integrations.http.LinkHeader;
import io.etlfleet.integrations.spi.ConnectorException;
import io.etlfleet.integrations.spi.InvalidConfigException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * How a stream's pages follow each other ({@code config.streams[i].pagination}); see
 * {@link RestConnectorFactory} for the options. Each style says where its first page is, how the
 * URL of a page is built from the stream's first URL, and where the page after a response is.
 */
sealed interface Pagination {

    /** The largest page size a config may ask for. */
    int MAX_PAGE_SIZE = 100_000;

    /** What a response offers to find the next page: where it came from, its headers, body and item count. */
    record Response(HttpUrl url, Headers headers, JsonNode body, int items) {
    }

    /** The {@code type} as configured. */
    String type();

    /** Query parameters this style sets itself (a stream's {@code params} may not set them). */
    Set<String> ownParams();

    PagePosition first();

    /** The URL of the page at {@code position}, from the stream's first URL. */
    HttpUrl url(HttpUrl first, PagePosition position);

    /** Where the page after {@code current} is; empty when {@code response} was the last page. */
    Optional<PagePosition> next(PagePosition current, Response response);

    /** @throws InvalidConfigException naming {@code field.type} or the offending option */
    static Pagination from(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return new Single();
        }
        if (!node.isObject()) {
            throw new InvalidConfigException(field, "must be an object such as {\"type\":\"link_header\"}");
        }
        String type = node.path("type").isString() ? node.path("type").asString() : "";
        return switch (type) {
            case "link_header" -> {
                ConfigFields.onlyOptions(node, field, "link_header pagination", Set.of("type"));
                yield new Links();
            }
            case "next_url" -> {
                ConfigFields.onlyOptions(node, field, "next_url pagination", Set.of("type", "next_url_path"));
                String path = ConfigFields.requiredText(node, "next_url_path", field + ".next_url_path");
                yield new NextUrl(ConfigFields.pointer(path, field + ".next_url_path", false));
            }
            case "cursor" -> {
                ConfigFields.onlyOptions(node, field, "cursor pagination", Set.of("type", "token_path", "token_param"));
                String path = ConfigFields.requiredText(node, "token_path", field + ".token_path");
                yield new Token(ConfigFields.pointer(path, field + ".token_path", false),
                        ConfigFields.paramName(node, "token_param", field + ".token_param", null));
            }
            case "offset" -> {
                ConfigFields.onlyOptions(node, field, "offset pagination",
                        Set.of("type", "limit", "offset_param", "limit_param"));
                yield new Offset(ConfigFields.optionalInt(node, "limit", field + ".limit", 1, MAX_PAGE_SIZE, null),
                        ConfigFields.paramName(node, "offset_param", field + ".offset_param", "offset"),
                        ConfigFields.paramName(node, "limit_param", field + ".limit_param", "limit"));
            }
            case "page" -> {
                ConfigFields.onlyOptions(node, field, "page pagination",
                        Set.of("type", "size", "page_param", "size_param", "start"));
                yield new PageNumber(ConfigFields.optionalInt(node, "size", field + ".size", 1, MAX_PAGE_SIZE, null),
                        ConfigFields.paramName(node, "page_param", field + ".page_param", "page"),
                        ConfigFields.paramName(node, "size_param", field + ".size_param", "per_page"),
                        ConfigFields.optionalInt(node, "start", field + ".start", 0, Integer.MAX_VALUE, 1));
            }
            default -> throw new InvalidConfigException(field + ".type",
                    "must be one of link_header, next_url, cursor, offset, page");
        };
    }

    /** No pagination configured: the stream is one request. */
    record Single() implements Pagination {

        @Override
        public String type() {
            return "none";
        }

        @Override
        public Set<String> ownParams() {
            return Set.of();
        }

        @Override
        public PagePosition first() {
            return PagePosition.FIRST;
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            return first;
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            return Optional.empty();
        }
    }

    /** {@code Link: <url>; rel="next"}, absolute or relative to the page's URL; none on the last page. */
    record Links() implements Pagination {

        @Override
        public String type() {
            return "link_header";
        }

        @Override
        public Set<String> ownParams() {
            return Set.of();
        }

        @Override
        public PagePosition first() {
            return PagePosition.FIRST;
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            return position.first() ? first : HttpUrl.get(position.value());
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            return LinkHeader.parse(response.headers().values("Link")).url("next")
                    .map(link -> PagePosition.url(resolve(response.url(), link, "its Link header's rel=\"next\"")));
        }
    }

    /** The next page's URL in the body at {@code nextUrlPath}; null, absent or empty on the last page. */
    record NextUrl(JsonPointer nextUrlPath) implements Pagination {

        @Override
        public String type() {
            return "next_url";
        }

        @Override
        public Set<String> ownParams() {
            return Set.of();
        }

        @Override
        public PagePosition first() {
            return PagePosition.FIRST;
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            return position.first() ? first : HttpUrl.get(position.value());
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            return text(response, nextUrlPath, "next_url_path").map(link -> PagePosition.url(
                    resolve(response.url(), link, "its next_url_path " + nextUrlPath)));
        }
    }

    /** The next page's token in the body at {@code tokenPath}, sent as {@code tokenParam}; none on the last page. */
    record Token(JsonPointer tokenPath, String tokenParam) implements Pagination {

        @Override
        public String type() {
            return "cursor";
        }

        @Override
        public Set<String> ownParams() {
            return Set.of(tokenParam);
        }

        @Override
        public PagePosition first() {
            return PagePosition.FIRST;
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            return position.first() ? first : first.newBuilder().setQueryParameter(tokenParam, position.value()).build();
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            return text(response, tokenPath, "token_path").map(PagePosition::token);
        }
    }

    /**
     * {@code offsetParam} from 0, advanced by the items each page holds, with {@code limitParam}
     * when a {@code limit} is set; ends on an empty page or one shorter than the limit.
     */
    record Offset(Integer limit, String offsetParam, String limitParam) implements Pagination {

        @Override
        public String type() {
            return "offset";
        }

        @Override
        public Set<String> ownParams() {
            return limit == null ? Set.of(offsetParam) : Set.of(offsetParam, limitParam);
        }

        @Override
        public PagePosition first() {
            return PagePosition.offset(0);
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            HttpUrl.Builder url = first.newBuilder().setQueryParameter(offsetParam, position.value());
            return (limit == null ? url : url.setQueryParameter(limitParam, limit.toString())).build();
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            if (response.items() == 0 || limit != null && response.items() < limit) {
                return Optional.empty();
            }
            return Optional.of(PagePosition.offset(current.number() + response.items()));
        }
    }

    /**
     * {@code pageParam} from {@code start}, with {@code sizeParam} when a {@code size} is set;
     * ends on an empty page or one shorter than the size.
     */
    record PageNumber(Integer size, String pageParam, String sizeParam, int start) implements Pagination {

        @Override
        public String type() {
            return "page";
        }

        @Override
        public Set<String> ownParams() {
            return size == null ? Set.of(pageParam) : Set.of(pageParam, sizeParam);
        }

        @Override
        public PagePosition first() {
            return PagePosition.page(start);
        }

        @Override
        public HttpUrl url(HttpUrl first, PagePosition position) {
            HttpUrl.Builder url = first.newBuilder().setQueryParameter(pageParam, position.value());
            return (size == null ? url : url.setQueryParameter(sizeParam, size.toString())).build();
        }

        @Override
        public Optional<PagePosition> next(PagePosition current, Response response) {
            if (response.items() == 0 || size != null && response.items() < size) {
                return Optional.empty();
            }
            return Optional.of(PagePosition.page(current.number() + 1));
        }
    }

    /** The text at {@code path}: empty for null, absent or {@code ""}; a string or number otherwise. */
    private static Optional<String> text(Response response, JsonPointer path, String option) {
        JsonNode value = response.body().at(path);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isString()) {
            return value.asString().isEmpty() ? Optional.empty() : Optional.of(value.asString());
        }
        if (value.isNumber()) {
            return Optional.of(value.asString());
        }
        throw new ConnectorException("the response has " + (value.isObject() ? "an object" : value.isArray()
                ? "an array" : value.getNodeType().toString().toLowerCase(Locale.ROOT))
                + " at " + option + " " + path + ", not a " + (option.equals("token_path") ? "token" : "URL"));
    }

    private static HttpUrl resolve(HttpUrl from, String link, String where) {
        HttpUrl url = from.resolve(link.trim());
        if (url == null) {
            throw new ConnectorException("the next page's URL in " + where + " is no http or https URL");
        }
        return url;
    }
}
