package io.etlfleet.sample.http;

/** Serves one fake API (GitHub, later Jira). Called concurrently from the server's threads. */
@FunctionalInterface
public interface ApiHandler {

    ApiResponse handle(ApiRequest request);
}
