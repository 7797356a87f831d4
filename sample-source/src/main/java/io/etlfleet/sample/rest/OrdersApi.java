package io.etlfleet.sample.rest;

import io.etlfleet.sample.http.ApiHandler;
import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small JSON REST API of orders, the kind the generic {@code rest} connector reads:
 *
 * <pre>
 * GET /v1/orders?updated_since=&lt;ISO-8601 instant&gt;&amp;limit=&lt;1-200, default 50&gt;&amp;cursor=&lt;token&gt;
 * Authorization: Bearer &lt;any token&gt;
 * 200 {"data":[{"id","customer":{"name","email"},"amount":"12.50","currency","status","created_at","updated_at"}],
 *      "pagination":{"next_cursor":"..."|null,"limit":50}}
 * </pre>
 *
 * Orders are sorted by {@code updated_at}, then {@code id}; {@code updated_since} keeps those
 * changed at or after it. {@code next_cursor} is an opaque keyset token (the last order's
 * {@code updated_at} and {@code id}), so an order changed while a client pages moves to the end
 * and shifts none. A missing or non-bearer {@code Authorization} is 401; a bad parameter is 400
 * {@code {"error":"..."}}; 200s carry an ETag and a matching {@code If-None-Match} gets a 304.
 */
public final class OrdersApi implements ApiHandler {

    public static final String ORDERS = "/v1/orders";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrdersSample orders;

    public OrdersApi(OrdersSample orders) {
        this.orders = orders;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String authorization = request.header("authorization").orElse("");
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            return error(401, "a bearer token is required (Authorization: Bearer <token>)")
                    .withHeader("www-authenticate", "Bearer");
        }
        if (!request.path().equals(ORDERS)) {
            return error(404, "no such resource " + request.path());
        }
        if (!request.method().equals("GET")) {
            return error(405, "only GET is served").withHeader("allow", "GET");
        }
        ApiResponse response;
        try {
            response = list(request);
        } catch (IllegalArgumentException bad) {
            return error(400, bad.getMessage());
        }
        String etag = "W/\"" + digest(response.body()) + "\"";
        if (request.header("if-none-match").filter(etag::equals).isPresent()) {
            return new ApiResponse(304, Map.of("etag", etag), null);
        }
        return response.withHeader("etag", etag);
    }

    private ApiResponse list(ApiRequest request) {
        Instant since = request.param("updated_since").map(text -> instant(text, "updated_since")).orElse(null);
        int limit = request.param("limit").map(OrdersApi::limit).orElse(DEFAULT_LIMIT);
        Position after = request.param("cursor").map(Position::decode).orElse(null);
        List<SampleOrder> changed = orders.changedSince(since);
        int start = 0;
        if (after != null) {
            while (start < changed.size() && !after.before(changed.get(start))) {
                start++;
            }
        }
        List<SampleOrder> page = changed.subList(start, Math.min(changed.size(), start + limit));
        ObjectNode body = JSON.createObjectNode();
        ArrayNode data = body.putArray("data");
        page.forEach(order -> data.add(json(order)));
        boolean more = start + page.size() < changed.size();
        ObjectNode pagination = body.putObject("pagination");
        pagination.put("next_cursor", more ? new Position(page.get(page.size() - 1)).encode() : null);
        pagination.put("limit", limit);
        return ApiResponse.json(200, JSON.writeValueAsBytes(body));
    }

    static ObjectNode json(SampleOrder order) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", order.id());
        node.putObject("customer").put("name", order.customerName()).put("email", order.customerEmail());
        node.put("amount", order.amount().toPlainString());
        node.put("currency", order.currency());
        node.put("status", order.status());
        node.put("created_at", order.createdAt().toString());
        node.put("updated_at", order.updatedAt().toString());
        return node;
    }

    /** Where a page ends: the last order's change time and id. */
    private record Position(Instant updatedAt, long id) {

        Position(SampleOrder order) {
            this(order.updatedAt(), order.id());
        }

        /** Whether {@code order} sorts after this position. */
        boolean before(SampleOrder order) {
            int byTime = order.updatedAt().compareTo(updatedAt);
            return byTime > 0 || byTime == 0 && order.id() > id;
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|");
                return new Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (IllegalArgumentException | DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("cursor is not a token this API gave out");
            }
        }
    }

    private static Instant instant(String text, String name) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2024-01-01T00:00:00Z");
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notNumber) {
            // refused below
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static ApiResponse error(int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", message);
        return ApiResponse.json(status, JSON.writeValueAsBytes(body));
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
