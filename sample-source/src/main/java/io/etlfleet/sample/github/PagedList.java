package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiRequest;
import io.etlfleet.sample.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * GitHub's offset paging for any list endpoint: {@code per_page} (default 30, capped at 100),
 * {@code page} (default 1), a JSON array of the slice and the {@code Link} header.
 */
final class PagedList {

    private static final int DEFAULT_PER_PAGE = 30;
    private static final int MAX_PER_PAGE = 100;

    private PagedList() {
    }

    static ApiResponse respond(ApiRequest request, String linkBase, List<byte[]> all) {
        return respond(request, linkBase, all, Function.identity());
    }

    /** Renders only the requested page's items. */
    static <T> ApiResponse respond(ApiRequest request, String linkBase, List<T> all, Function<T, byte[]> render) {
        int perPage = Math.min(MAX_PER_PAGE, positive(request.param("per_page").orElse(""), DEFAULT_PER_PAGE));
        int page = positive(request.param("page").orElse(""), 1);
        int from = (int) Math.min((long) (page - 1) * perPage, all.size());
        int to = Math.min(from + perPage, all.size());
        ApiResponse response = ApiResponse.json(200, array(all.subList(from, to).stream().map(render).toList()));
        int lastPage = Math.max(1, (all.size() + perPage - 1) / perPage);
        String link = IssueListing.link(request, linkBase, page, lastPage);
        return link.isEmpty() ? response : response.withHeader("link", link);
    }

    static byte[] array(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 2048 + 2);
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    static int positive(String text, int fallback) {
        try {
            int value = Integer.parseInt(text);
            return value < 1 ? fallback : value;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
