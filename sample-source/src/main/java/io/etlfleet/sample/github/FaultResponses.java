package io.etlfleet.sample.github;

import io.etlfleet.sample.http.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The responses GitHub sends when a limit is hit or it fails, with its messages. */
final class FaultResponses {

    static final String PRIMARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
    static final String SECONDARY_DOCS =
            "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

    private FaultResponses() {
    }

    static ApiResponse render(GithubFaults.Fault fault, RateLimitBudget.Snapshot budget, GithubUser user, Clock clock) {
        if (fault instanceof GithubFaults.PrimaryRateLimit primary) {
            long reset = (long) Math.ceil((clock.millis() + primary.resetIn().toMillis()) / 1000.0);
            ApiResponse response = primaryExhausted(user, clock);
            RateLimitBudget.Snapshot spent = new RateLimitBudget.Snapshot(budget.limit(), budget.limit(), reset);
            for (Map.Entry<String, String> header : spent.headers().entrySet()) {
                response = response.withHeader(header.getKey(), header.getValue());
            }
            return response;
        }
        if (fault instanceof GithubFaults.SecondaryRateLimit secondary) {
            ApiResponse response = GithubApi.error(secondary.status(), "You have exceeded a secondary rate limit. "
                    + "Please wait a few minutes before you try again. If you reach out to GitHub Support for help, "
                    + "please include the request ID " + requestId() + ".", SECONDARY_DOCS);
            return secondary.retryAfter() == null ? response
                    : response.withHeader("retry-after", Long.toString(secondary.retryAfter().toSeconds()));
        }
        int status = ((GithubFaults.ServerError) fault).status();
        return GithubApi.error(status, status == 503 ? "Service Unavailable" : "Server Error", "https://docs.github.com/rest");
    }

    /** 403 for a token whose hourly budget is spent. */
    static ApiResponse primaryExhausted(GithubUser user, Clock clock) {
        String timestamp = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace('T', ' ').replace("Z", " UTC");
        return GithubApi.error(403, "API rate limit exceeded for user ID " + user.id() + ". If you reach out to "
                + "GitHub Support for help, please include the request ID " + requestId()
                + " and timestamp " + timestamp + ".", PRIMARY_DOCS);
    }

    private static String requestId() {
        return UUID.randomUUID().toString().substring(0, 18).toUpperCase(Locale.ROOT).replace('-', ':');
    }
}
