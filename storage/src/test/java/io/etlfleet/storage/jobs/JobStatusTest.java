package io.etlfleet.storage.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobStatusTest {

    @Test
    void terminalStatusesHaveNoWayOutExceptReplayOfDeadJobs() {
        assertThat(JobStatus.SUCCEEDED.canTransitionTo(JobStatus.RUNNING)).isFalse();
        assertThat(JobStatus.CANCELLED.canTransitionTo(JobStatus.QUEUED)).isFalse();
        assertThat(JobStatus.FAILED.canTransitionTo(JobStatus.QUEUED)).isFalse();
        assertThat(JobStatus.DEAD.canTransitionTo(JobStatus.QUEUED)).isTrue();
    }

    @Test
    void sourcesOfRunningAreTheClaimableStatuses() {
        assertThat(JobStatus.sourcesOf(JobStatus.RUNNING)).containsExactlyInAnyOrder(JobStatus.QUEUED, JobStatus.RETRYING);
    }

    @Test
    void databaseSpellingRoundTrips() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(JobStatus.fromDb(status.dbValue())).isEqualTo(status);
        }
    }
}
