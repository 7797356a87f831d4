package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiRequest.QueryParam;
import io.etlfleet.sample.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /repos/{owner}/{repo}/issues}: validates the query like GitHub (422 for a bad
 * {@code state}, {@code sort}, {@code direction} or {@code since}; {@code per_page} capped at
 * 100), slices the cached listing and adds GitHub's {@code Link} header.
 */
final class IssueListing {

    static final String DOCS = "https://docs.github.com/rest/issues/issues#list-repository-issues";
    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;

    private IssueListing() {
    }

    static ApiResponse list(RepositoryState repo, ApiRequest request, String linkBase) {
        String state = request.param("state").orElse("open");
        String sort = request.param("sort").orElse("created");
        String direction = request.param("direction").orElse("desc");
        if (!Set.of("open", "closed", "all").contains(state)) {
            return invalid("state", state);
        }
        if (!Set.of("created", "updated", "comments").contains(sort)) {
            return invalid("sort", sort);
        }
        if (!Set.of("asc", "desc").contains(direction)) {
            return invalid("direction", direction);
        }
        Instant since = null;
        if (request.param("since").isPresent()) {
            since = parseSince(request.param("since").get());
            if (since == null) {
                return invalid("since", request.param("since").get());
            }
        }
        int perPage = Math.min(MAX_PER_PAGE, positive(request.param("per_page").orElse(""), DEFAULT_PER_PAGE));
        int page = positive(request.param("page").orElse(""), 1);

        List<RepositoryState.Stored> all = repo.list(new ListingQuery(state, since, sort, "asc".equals(direction)));
        int from = (int) Math.min((long) (page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ApiResponse response = ApiResponse.json(200, render(all.subList(from, to)));
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        String link = link(request, linkBase, page, lastPage);
        return link.isEmpty() ? response : response.withHeader("link", link);
    }

    /** GitHub's format: {@code <url>; rel="prev", <url>; rel="next", <url>; rel="last", <url>; rel="first"}. */
    static String link(ApiRequest request, String linkBase, int page, int lastPage) {
        List<String> parts = new ArrayList<>();
        if (page > 1) {
            parts.add("<" + pageUrl(request, linkBase, Math.min(page - 1, lastPage)) + ">; rel=\"prev\"");
        }
        if (page < lastPage) {
            parts.add("<" + pageUrl(request, linkBase, page + 1) + ">; rel=\"next\"");
            parts.add("<" + pageUrl(request, linkBase, lastPage) + ">; rel=\"last\"");
        }
        if (page > 1) {
            parts.add("<" + pageUrl(request, linkBase, 1) + ">; rel=\"first\"");
        }
        return String.join(", ", parts);
    }

    /** The request's own URL with {@code page} set, every other parameter kept as sent. */
    private static String pageUrl(ApiRequest request, String linkBase, int page) {
        StringBuilder url = new StringBuilder(linkBase).append(request.path()).append('?');
        boolean pageSet = false;
        for (QueryParam param : request.query()) {
            if (param.name().equals("page")) {
                if (!pageSet) {
                    url.append("page=").append(page).append('&');
                    pageSet = true;
                }
            } else {
                url.append(param.raw()).append('&');
            }
        }
        if (!pageSet) {
            url.append("page=").append(page).append('&');
        }
        return url.substring(0, url.length() - 1);
    }

    private static byte[] render(List<RepositoryState.Stored> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 4096 + 2);
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i).json());
        }
        out.write(']');
        return out.toByteArray();
    }

    /** GitHub accepts ISO 8601 timestamps ({@code YYYY-MM-DDTHH:MM:SSZ}, offsets, fractions) and plain dates. */
    static Instant parseSince(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static int positive(String text, int fallback) {
        try {
            int value = Integer.parseInt(text);
            return value < 1 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static ApiResponse invalid(String field, String value) {
        return ApiResponse.json(422, GithubJson.validationFailed("Issue", field, value, DOCS));
    }
}
