package io.etlfleet.api.schedules;

import io.etlfleet.api.ApiClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Steps the schedule tests share: calls to {@code /schedules} and making schedules due. */
final class ScheduleApi {

    private final ApiClient api;
    private final Jdbi jdbi;

    ScheduleApi(ApiClient api, Jdbi jdbi) {
        this.api = api;
        this.jdbi = jdbi;
    }

    ApiClient.Response create(String key, String json) {
        return api.post("/api/v1/schedules", key, json);
    }

    /** Creates a schedule far from due (once a year) and returns its id. */
    String aYearlySchedule(String key, String integrationId) {
        ApiClient.Response created = create(key, """
                {"integration_id":"%s","cron":"0 0 0 1 1 *","entities":["github_issues"],"mode":"full"}""".formatted(integrationId));
        if (created.status() != 201) {
            throw new IllegalStateException("creating a schedule answered " + created.status() + ": " + created.body());
        }
        return created.text("id");
    }

    ApiClient.Response patch(String key, String id, String json) {
        return api.send(api.request("/api/v1/schedules/" + id, key).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    ApiClient.Response delete(String key, String id) {
        return api.send(api.request("/api/v1/schedules/" + id, key).DELETE());
    }

    /** Makes the schedules due a second ago, as if their cron time had just passed. */
    void makeDue(List<String> scheduleIds) {
        jdbi.useHandle(h -> h.createUpdate("""
                        update etl.schedules set next_run_at = now() - interval '1 second' where id = any(:ids)""")
                .bindArray("ids", UUID.class, scheduleIds.stream().map(UUID::fromString).toList())
                .execute());
    }

    long runs(String scheduleId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from etl.schedule_runs where schedule_id = :id")
                .bind("id", UUID.fromString(scheduleId)).mapTo(Long.class).one());
    }

    long extractJobs(String integrationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select count(*) from etl.etl_jobs where integration_id = :id and kind = 'extract'""")
                .bind("id", UUID.fromString(integrationId)).mapTo(Long.class).one());
    }
}
