package io.etlfleet.api.integrations;

/**
 * Answer to {@code POST /api/v1/integrations/{id}/test}.
 *
 * @param kind {@code ok}, {@code bad_credentials}, {@code not_found}, {@code unreachable},
 *             {@code rate_limited} or {@code error}
 */
public record ConnectionTestResponse(boolean ok, String kind, String message) {
}
