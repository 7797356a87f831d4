package io.etlfleet.api.raw;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/raw-data}, newest first.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record RawListResponse(List<RawObjectResponse> items, String nextCursor) {
}
