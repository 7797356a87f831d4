package io.etlfleet.integrations.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A REST API over real HTTP (behind a MockWebServer) serving one collection of items sorted by
 * {@code updated_at} then {@code id}, filtered by {@code updated_since} (at or after), in each
 * pagination style at its own path:
 *
 * <pre>
 * /api/v1/link/items     body [..]; Link: &lt;...&after=&lt;key&gt;&gt;; rel="next"    per_page
 * /api/v1/next/items     {"data":[..],"links":{"next":"/api/..."|null}}        per_page
 * /api/v1/cursor/items   {"results":[..],"meta":{"next_cursor":"..."|null}}    per_page, cursor
 * /api/v1/offset/items   {"items":[..],"total":n}                              offset, limit
 * /api/v1/page/items     {"data":{"records":[..]},"page":p}                    page, per_page
 * </pre>
 *
 * The link, next and cursor styles page by keyset (the last item's updated_at and id), as such
 * APIs usually do; offset and page by position. The collection can change between two requests
 * ({@link #beforeRequest}); every answer has an ETag and a matching {@code If-None-Match} gets a
 * 304. Requests are authorised by a predicate (default: {@code Bearer good-token}).
 */
final class FakeRestApi extends Dispatcher {

    static final String TOKEN = "good-token";
    static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DEFAULT_PAGE_SIZE = 30;

    /** One item of the collection. */
    record Item(long id, Instant updatedAt, int version) {
    }

    private final Map<Long, Item> items = new TreeMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<Integer, Runnable> changes = new TreeMap<>();
    private final Deque<MockResponse> scripted = new ArrayDeque<>();
    private Predicate<RecordedRequest> authorized = request -> ("Bearer " + TOKEN).equals(request.getHeaders().get("Authorization"));
    private Instant clock = EPOCH;
    private long nextId = 1;
    private int failures;

    synchronized void givenItems(int count) {
        items.clear();
        clock = EPOCH;
        nextId = 1;
        for (int i = 0; i < count; i++) {
            insert();
        }
    }

    /** Adds an item changed after every other; returns its id. */
    synchronized String insert() {
        long id = nextId++;
        items.put(id, new Item(id, tick(), 1));
        return Long.toString(id);
    }

    /** Changes the items with these ids, each after every other change. */
    synchronized Set<String> edit(long... ids) {
        Set<String> edited = new LinkedHashSet<>();
        for (long id : ids) {
            Item item = items.get(id);
            items.put(id, new Item(id, tick(), item.version() + 1));
            edited.add(Long.toString(id));
        }
        return edited;
    }

    /** Changes the {@code count} items changed longest ago. */
    synchronized Set<String> editOldest(int count) {
        return edit(sorted(items.values().stream().toList()).stream().limit(count).mapToLong(Item::id).toArray());
    }

    synchronized Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        items.keySet().forEach(id -> ids.add(Long.toString(id)));
        return ids;
    }

    synchronized Item item(long id) {
        return items.get(id);
    }

    /** Runs {@code change} just before the {@code request}-th request (counted from 1) is answered. */
    synchronized void beforeRequest(int request, Runnable change) {
        changes.put(request, change);
    }

    /** The next {@code count} requests fail with 503 (without Retry-After). */
    synchronized void failNext(int count) {
        failures = count;
    }

    /** Answers the next request with {@code response}, whatever it asks. */
    synchronized void enqueue(MockResponse response) {
        scripted.add(response);
    }

    synchronized void authorizeOnly(Predicate<RecordedRequest> rule) {
        authorized = rule;
    }

    List<RecordedRequest> requests() {
        return requests;
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        requests.add(request);
        Runnable change = changes.remove(requests.size());
        if (change != null) {
            change.run();
        }
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        if (failures > 0) {
            failures--;
            return new MockResponse.Builder().code(503).body("upstream down").build();
        }
        if (!authorized.test(request)) {
            return json(401, "{\"message\":\"bad credentials\"}");
        }
        HttpUrl url = request.getUrl();
        String[] path = url.encodedPath().split("/");
        if (path.length != 5 || !url.encodedPath().startsWith("/api/v1/") || !path[4].equals("items")) {
            return json(404, "{\"message\":\"no such endpoint " + url.encodedPath() + "\"}");
        }
        MockResponse response = switch (path[3]) {
            case "link" -> link(url);
            case "next" -> next(url);
            case "cursor" -> cursor(url);
            case "offset" -> offset(url);
            case "page" -> page(url);
            default -> json(404, "{\"message\":\"no such style\"}");
        };
        String etag = response.getHeaders().get("ETag");
        if (etag != null && etag.equals(request.getHeaders().get("If-None-Match"))) {
            return new MockResponse.Builder().code(304).addHeader("ETag", etag).build();
        }
        return response;
    }

    private MockResponse link(HttpUrl url) {
        int size = number(url, "per_page", DEFAULT_PAGE_SIZE);
        List<Item> page = afterKey(url.queryParameter("after"), url).stream().limit(size + 1L).toList();
        MockResponse.Builder response = builder(array(page.subList(0, Math.min(size, page.size()))).toString());
        if (page.size() > size) {
            String next = url.newBuilder().setQueryParameter("after", key(page.get(size - 1))).build().toString();
            response.addHeader("Link", "<" + next + ">; rel=\"next\", <" + url.newBuilder().removeAllQueryParameters("after")
                    .build() + ">; rel=\"first\"");
        }
        return response.build();
    }

    private MockResponse next(HttpUrl url) {
        int size = number(url, "per_page", DEFAULT_PAGE_SIZE);
        List<Item> page = afterKey(url.queryParameter("after"), url).stream().limit(size + 1L).toList();
        ObjectNode body = JSON.createObjectNode();
        body.set("data", array(page.subList(0, Math.min(size, page.size()))));
        HttpUrl next = page.size() > size ? url.newBuilder().setQueryParameter("after", key(page.get(size - 1))).build() : null;
        body.putObject("links").put("next", next == null ? null : next.encodedPath() + "?" + next.encodedQuery());
        return builder(body.toString()).build();
    }

    private MockResponse cursor(HttpUrl url) {
        int size = number(url, "per_page", DEFAULT_PAGE_SIZE);
        String token = url.queryParameter("cursor");
        String after = token == null ? null : new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        List<Item> page = afterKey(after, url).stream().limit(size + 1L).toList();
        ObjectNode body = JSON.createObjectNode();
        body.set("results", array(page.subList(0, Math.min(size, page.size()))));
        body.putObject("meta").put("next_cursor", page.size() > size
                ? Base64.getUrlEncoder().encodeToString(key(page.get(size - 1)).getBytes(StandardCharsets.UTF_8)) : null);
        return builder(body.toString()).build();
    }

    private MockResponse offset(HttpUrl url) {
        int limit = number(url, "limit", DEFAULT_PAGE_SIZE);
        int offset = number(url, "offset", 0);
        List<Item> all = afterKey(null, url);
        ObjectNode body = JSON.createObjectNode();
        body.set("items", array(all.stream().skip(offset).limit(limit).toList()));
        body.put("total", all.size());
        return builder(body.toString()).build();
    }

    private MockResponse page(HttpUrl url) {
        int size = number(url, "per_page", DEFAULT_PAGE_SIZE);
        int page = number(url, "page", 1);
        List<Item> all = afterKey(null, url);
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").set("records", array(all.stream().skip((long) (page - 1) * size).limit(size).toList()));
        body.put("page", page);
        return builder(body.toString()).build();
    }

    /** The items at or after {@code updated_since}, after the keyset position {@code after}, in order. */
    private List<Item> afterKey(String after, HttpUrl url) {
        String since = url.queryParameter("updated_since");
        Instant from = since == null ? Instant.MIN : Instant.parse(since);
        Comparator<Item> order = Comparator.comparing(Item::updatedAt).thenComparingLong(Item::id);
        Item position = after == null ? null : new Item(Long.parseLong(after.split("_")[1]),
                Instant.parse(after.split("_")[0]), 0);
        return sorted(items.values().stream().filter(item -> !item.updatedAt().isBefore(from))
                .filter(item -> position == null || order.compare(item, position) > 0).toList());
    }

    private static List<Item> sorted(List<Item> items) {
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::updatedAt).thenComparingLong(Item::id));
        return sorted;
    }

    private static String key(Item item) {
        return item.updatedAt() + "_" + item.id();
    }

    private static ArrayNode array(List<Item> page) {
        ArrayNode array = JSON.createArrayNode();
        for (Item item : page) {
            ObjectNode node = array.addObject();
            node.put("id", item.id());
            node.put("name", "item " + item.id());
            node.put("version", item.version());
            node.putObject("owner").put("login", "user" + item.id() % 7);
            node.put("updated_at", item.updatedAt().toString());
        }
        return array;
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofMinutes(1));
        return clock;
    }

    private static int number(HttpUrl url, String name, int fallback) {
        String value = url.queryParameter(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    private static MockResponse.Builder builder(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("ETag", "\"" + HexFormat.of().toHexDigits(body.hashCode()) + "\"").body(body);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }
}
