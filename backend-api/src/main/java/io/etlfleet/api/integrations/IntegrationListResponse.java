package io.etlfleet.api.integrations;

import java.util.List;

/**
 * Answer to {@code GET /api/v1/integrations}, by name.
 *
 * @param nextCursor pass as {@code cursor} for the next page; null on the last page
 */
public record IntegrationListResponse(List<IntegrationResponse> integrations, String nextCursor) {
}
